// What a quote says, as text: pure functions over the articles' typography.

export const collapseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();
