import type { EmailContext } from './email-template';

/**
 * A piece of an email's text that staff may reword (per language) in the admin. Its default is
 * the English text; `{{name}}`-style variables are filled from the template's props. Everything
 * else (order lines, totals, links, the legal footer) is fixed and never comes from an override.
 */
export interface EditableBlock {
  label: string;
  text: string;
}
export type EditableBlocks = Readonly<Record<string, EditableBlock>>;

const variablePattern = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** `text` with each `{{variable}}` replaced by its value (an unknown one by nothing). */
export function fillVariables(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(variablePattern, (_, name: string) => values[name] ?? '');
}

/** The variables a text uses, e.g. `['name', 'number']`. */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(variablePattern)].map((match) => match[1]!);
}

/**
 * The text of each block as this email shows it: the staff's override for the language when there
 * is one, else the default, with the variables filled in.
 */
export function blockTexts<TKey extends string>(
  blocks: Readonly<Record<TKey, EditableBlock>>,
  context: EmailContext,
  values: Readonly<Record<string, string>>,
): Record<TKey, string> {
  const texts = {} as Record<TKey, string>;
  for (const key of Object.keys(blocks) as TKey[]) {
    const override = context.blockOverrides?.[key];
    texts[key] = fillVariables(override ?? blocks[key].text, values);
  }
  return texts;
}
