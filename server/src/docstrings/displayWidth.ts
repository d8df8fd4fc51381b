// Display columns, as an editor draws text in a monospaced font: East Asian wide characters and
// most emoji take two columns, combining marks and zero-width joiners none. string-width keeps the
// Unicode tables; counting code points instead is what made hand-drawn tables drift.
import stringWidth from 'string-width';

export interface WidthOptions {
  /**
   * Columns of an East Asian Ambiguous character (`→ — ▶ ▼ •`): 1 as VS Code draws them in Latin
   * locales, 2 for CJK fonts. Box-drawing characters are always counted one column each.
   */
  ambiguousWidth: 1 | 2;
}

export const DEFAULT_WIDTH_OPTIONS: WidthOptions = { ambiguousWidth: 1 };

export function displayWidth(text: string, options: WidthOptions = DEFAULT_WIDTH_OPTIONS): number {
  // Plain ASCII, nearly every cell, needs no table look-up.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  return stringWidth(text, { ambiguousIsNarrow: options.ambiguousWidth === 1, countAnsiEscapeCodes: true });
}
