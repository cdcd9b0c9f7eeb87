/**
 * Checks that every `uses:` in a workflow names an exact commit. A tag (`@v4`) or branch can be
 * moved to other code by whoever controls the action's repository; a full commit SHA cannot.
 * The trailing `# vX.Y.Z` comment is what Dependabot/Renovate read to propose updates and what
 * a reviewer reads to know which release the SHA is.
 */
export type UsesLine = { line: number; ref: string; comment: string };

const usesLinePattern = /^\s*(?:-\s+)?uses:\s*['"]?([^'"\s#]+)['"]?\s*(?:#\s*(.*))?$/;

/** Every `uses:` line of a workflow's text, with the comment after it. */
export function usesLines(text: string): UsesLine[] {
  return text.split('\n').flatMap((source, index) => {
    const match = usesLinePattern.exec(source);
    if (!match?.[1]) return [];
    return [{ line: index + 1, ref: match[1], comment: (match[2] ?? '').trim() }];
  });
}

const pinnedActionPattern = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const versionCommentPattern = /^v\d+\.\d+\.\d+$/;
const pinnedImagePattern = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;

/** Why a `uses:` reference is not acceptably pinned, or null when it is. */
export function pinProblem({ ref, comment }: Pick<UsesLine, 'ref' | 'comment'>): string | null {
  // Actions inside this repository change only through its own reviewed commits.
  if (ref.startsWith('./')) return null;
  if (ref.startsWith('docker://')) {
    return pinnedImagePattern.test(ref)
      ? null
      : `${ref}: a docker:// action needs @sha256:<digest>`;
  }
  if (!pinnedActionPattern.test(ref)) return `${ref}: not pinned to a full 40-hex commit SHA`;
  if (!versionCommentPattern.test(comment)) {
    return `${ref}: needs a "# vX.Y.Z" comment naming the release of that commit`;
  }
  return null;
}
