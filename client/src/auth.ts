// The API token prompt: a modal dialog shown when the server answers 401 (API_TOKEN is set).
// The token is kept in sessionStorage by api.ts and sent as `Authorization: Bearer <token>`.
import { onTokenNeeded } from './api.ts';
import { h } from './dom.ts';

function tokenDialog(rejected: boolean): Promise<string | null> {
  const input = h('input', {
    id: 'token-input',
    type: 'password',
    name: 'token',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'token-help' + (rejected ? ' token-error' : ''),
  });
  const form = h(
    'form',
    { method: 'dialog', class: 'token-form' },
    h('h2', { id: 'token-title' }, 'API token needed'),
    h('p', { id: 'token-help' }, 'This server asks for an access token. It is kept for this browser tab only.'),
    rejected
      ? h(
          'p',
          { id: 'token-error', class: 'token-error', role: 'alert' },
          'That token was not accepted. Check it and try again.',
        )
      : null,
    h('label', { for: 'token-input' }, 'Token'),
    input,
    h(
      'div',
      { class: 'token-actions' },
      h('button', { type: 'button', id: 'token-cancel' }, 'Cancel'),
      h('button', { type: 'submit', value: 'ok', id: 'token-submit', class: 'primary' }, 'Use token'),
    ),
  );
  const dialog = h('dialog', { id: 'token-dialog', class: 'token-dialog', 'aria-labelledby': 'token-title' }, form);
  document.body.append(dialog);
  dialog.querySelector('#token-cancel')!.addEventListener('click', () => dialog.close('cancel'));
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        const token = dialog.returnValue === 'ok' ? input.value.trim() : '';
        dialog.remove();
        resolve(token || null);
      },
      { once: true },
    );
    dialog.showModal();
    input.focus();
  });
}

export function installTokenPrompt(): void {
  onTokenNeeded(tokenDialog);
}
