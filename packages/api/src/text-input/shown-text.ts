import { z } from 'zod';

/**
 * Text a person types that other people will see: names, address lines, order notes, product
 * copy, reviews. It ends up in emails, on packing slips and in the back office, so it is
 * normalised and checked once, here, at every cell's boundary:
 * - NFC, so the same name typed on two keyboards is stored (and searched) the same way;
 * - trimmed of whitespace AND of invisible characters at either end (`.trim()` leaves U+200B,
 *   U+FEFF and friends, so a name of only U+200B used to pass "required");
 * - no bidi controls (U+202E and the like flip how the rest of a line reads: "txt.exe" shown
 *   as "exe.txt", a forged address on a label), anywhere in the value;
 * - no control characters (single-line text also no line breaks).
 * A value of only spaces and invisible characters is therefore empty, and `required` says so.
 * Invisible joiners inside a word (U+200D in emoji, U+200C in Persian) stay: they are writing.
 */

const edgeInvisibles =
  /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]+|[\p{White_Space}\p{Default_Ignorable_Code_Point}]+$/gu;
// Unicode's Bidi_Control set: ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI.
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const anyControl = /\p{Cc}/u;
const controlOtherThanLineBreakOrTab = /[^\P{Cc}\n\t]/u;

function normalised(value: string, lines: 'single' | 'multi'): string {
  const nfc = value.normalize('NFC');
  const unified = lines === 'multi' ? nfc.replace(/\r\n?/g, '\n') : nfc;
  return unified.replace(edgeInvisibles, '');
}

function shownTextOf(max: number, lines: 'single' | 'multi') {
  const control = lines === 'multi' ? controlOtherThanLineBreakOrTab : anyControl;
  return (
    z
      .string()
      // Before trimming, so one at either end is refused too rather than quietly dropped.
      .refine((value) => !bidiControls.test(value), {
        error: 'contains a direction-changing character; type the text as it should read',
      })
      .overwrite((value) => normalised(value, lines))
      .max(max, { error: `at most ${max} characters` })
      .refine((value) => !control.test(value), {
        error:
          lines === 'single'
            ? 'contains a line break or control character'
            : 'contains a control character',
      })
  );
}

/** One line of shown text, '' allowed (optional fields). */
export const shownText = (max: number) => shownTextOf(max, 'single');

/** One line of shown text that must say something. */
export const requiredShownText = (max: number) =>
  shownText(max).refine((value) => value !== '', { error: 'required' });

/** Paragraphs of shown text (descriptions, notes, review bodies): line breaks and tabs kept. */
export const shownParagraphs = (max: number) => shownTextOf(max, 'multi');
