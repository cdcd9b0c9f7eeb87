/**
 * Where a cell's refusal of a product save is shown: each input issue at the field it names
 * (`variants.2.priceMinor` at that variant's price), a stale version as a conflict the editor
 * offers to reload, a taken slug at the slug. Pure, so it is tested without a server.
 */
export interface EditorSaveState {
  status: 'idle' | 'error' | 'success' | 'conflict';
  message?: string;
  /** Keyed by the field's path, e.g. `name`, `seo.title`, `variants.0.sku`. */
  fieldErrors?: Record<string, string>;
  id?: string;
  /** The saved product's new version (the page reopens the editor at it). */
  version?: number;
}

/** The deepest path the editor shows an error at, for a cell issue's path. */
export function fieldKeyOf(path: string): string | undefined {
  const parts = path.split('.');
  const [head, index, field] = parts;
  if (head === 'description') return 'descriptionHtml';
  if (head === 'seo') return index ? `seo.${index}` : 'seo.title';
  if (head === 'variants' || head === 'options' || head === 'images') {
    if (index === undefined || !/^\d+$/.test(index)) return head;
    return field ? `${head}.${index}.${field}` : `${head}.${index}`;
  }
  const known = [
    'name',
    'slug',
    'brand',
    'status',
    'publishedAt',
    'categorySlugs',
    'collections',
    'tags',
    'descriptionHtml',
  ];
  return head && known.includes(head) ? head : undefined;
}

function sentence(message: string): string {
  const trimmed = message.trim() || 'Invalid value';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

interface CellRefusal {
  code?: string;
  issues?: { path: string; message: string }[];
}

/** The editor's state for a failed save (`error` is what the cell client threw). */
export function saveStateFromError(error: unknown): EditorSaveState {
  const isCellError = error instanceof Error && error.name === 'TRPCClientError';
  if (!isCellError) {
    return { status: 'error', message: 'Something went wrong on our side. Try again in a moment.' };
  }
  const data = (error as Error & { data?: CellRefusal }).data;
  const code = data?.code;
  if (!code) {
    return {
      status: 'error',
      message: 'The catalogue service is not answering. Try again in a moment.',
    };
  }
  if (code === 'BAD_REQUEST' && data.issues?.length) {
    const fieldErrors: Record<string, string> = {};
    const other: string[] = [];
    for (const issue of data.issues) {
      const key = fieldKeyOf(issue.path);
      if (key) fieldErrors[key] ??= sentence(issue.message);
      else other.push(sentence(issue.message));
    }
    return { status: 'error', message: other[0] ?? 'Check the highlighted fields.', fieldErrors };
  }
  if (code === 'CONFLICT') {
    if (/changed by someone else/.test(error.message)) {
      return { status: 'conflict', message: sentence(error.message) };
    }
    if (/slug taken/.test(error.message)) {
      return {
        status: 'error',
        message: 'Check the highlighted fields.',
        fieldErrors: { slug: 'Another product already uses this address. Choose another.' },
      };
    }
    return { status: 'error', message: sentence(error.message), fieldErrors: {} };
  }
  if (code === 'FORBIDDEN') {
    return { status: 'error', message: 'Your role may read the catalogue but not change it.' };
  }
  if (code === 'NOT_FOUND') return { status: 'error', message: sentence(error.message) };
  return { status: 'error', message: 'Something went wrong on our side. Try again in a moment.' };
}
