import { describe, expect, it } from 'vitest';
import { ExportSlots, ExportsBusyError } from '../../../server/api/export-slots.ts';

/** Work that runs until `finish` or `fail` is called. */
function pending() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { work: () => done, finish, fail };
}

describe('ExportSlots', () => {
  it('when every slot is taken, run refuses at once with ExportsBusyError saying when to retry', async () => {
    const slots = new ExportSlots(1);
    const first = pending();
    const running = slots.run(first.work);
    await expect(slots.run(async () => 'second')).rejects.toMatchObject({
      name: 'ExportsBusyError',
      retryAfterSeconds: slots.retryAfterSeconds,
    });
    first.finish();
    await running;
  });

  it.each([
    [0.2, 1],
    [30, 30],
    [600, 60],
  ])('when exports have taken %d s, Retry-After says %d s', async (seconds, retryAfter) => {
    let now = 0;
    const slots = new ExportSlots(1, () => now);
    for (let i = 0; i < 20; i++) {
      await slots.run(async () => {
        now += seconds * 1000;
      });
    }
    expect(slots.retryAfterSeconds).toBe(retryAfter);
  });

  it.each([
    ['finishes', (p: ReturnType<typeof pending>) => p.finish()],
    ['fails', (p: ReturnType<typeof pending>) => p.fail(new Error('failed'))],
  ])('when the work in a slot %s, the slot is free again', async (_, settle) => {
    const slots = new ExportSlots(1);
    const first = pending();
    const running = slots.run(first.work).catch(() => undefined);
    settle(first);
    await running;
    expect(slots.running).toBe(0);
    await expect(slots.run(async () => 'next')).resolves.toBe('next');
  });

  it('when slots are free, as many exports run at once as there are slots', async () => {
    const slots = new ExportSlots(2);
    const [a, b] = [pending(), pending()];
    const running = [slots.run(a.work), slots.run(b.work)];
    expect(slots.running).toBe(2);
    await expect(slots.run(async () => 'third')).rejects.toBeInstanceOf(ExportsBusyError);
    a.finish();
    b.finish();
    await Promise.all(running);
  });
});
