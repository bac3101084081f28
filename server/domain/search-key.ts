/** Lower case with accents stripped, so "Zelenskyy", "zelenskyy" and "Zelénskyy" all match. */
export function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
