import type { CapturedMessage } from './captured-message';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export type MessageView = 'html' | 'text';

const styles = `
  :root { color-scheme: light; font-family: ui-sans-serif, system-ui, sans-serif; color: #1c1917; }
  body { margin: 0; background: #fafaf9; }
  header { display: flex; gap: 1rem; align-items: center; padding: .75rem 1rem; border-bottom: 1px solid #e7e5e4; background: #fff; }
  header h1 { font-size: 1rem; margin: 0; }
  header form { margin-left: auto; display: flex; gap: .5rem; }
  main { display: grid; grid-template-columns: minmax(16rem, 24rem) 1fr; min-height: calc(100vh - 3.2rem); }
  nav { border-right: 1px solid #e7e5e4; overflow-y: auto; background: #fff; }
  nav a { display: block; padding: .6rem 1rem; border-bottom: 1px solid #f5f5f4; color: inherit; text-decoration: none; }
  nav a[aria-current="page"] { background: #eef2ff; }
  nav a:hover { background: #f5f5f4; }
  .subject { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .meta { font-size: .8rem; color: #57534e; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  section { padding: 1rem 1.5rem; display: flex; flex-direction: column; gap: .75rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; font-size: .9rem; }
  dt { color: #57534e; }
  dd { margin: 0; }
  .tabs { display: flex; gap: .25rem; border-bottom: 1px solid #e7e5e4; }
  .tabs a { padding: .4rem .8rem; color: inherit; text-decoration: none; border: 1px solid transparent; border-bottom: none; border-radius: .375rem .375rem 0 0; }
  .tabs a[aria-current="page"] { border-color: #e7e5e4; background: #fff; font-weight: 600; }
  iframe { width: 100%; flex: 1; min-height: 60vh; border: 1px solid #e7e5e4; background: #fff; }
  pre { white-space: pre-wrap; background: #fff; border: 1px solid #e7e5e4; padding: 1rem; margin: 0; }
  .empty { padding: 2rem 1rem; color: #57534e; }
  button, input { font: inherit; }
`;

/**
 * The inbox a developer reads in the browser: the list on the left, the chosen message on the
 * right. The message's HTML is shown in a sandboxed iframe (no scripts, no same-origin access).
 */
export function renderInboxPage({
  messages,
  selected,
  view,
  to,
}: {
  messages: CapturedMessage[];
  selected: CapturedMessage | undefined;
  view: MessageView;
  to: string | undefined;
}): string {
  const query = (params: Record<string, string | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ to, ...params })) if (value) search.set(key, value);
    const text = search.toString();
    return text ? `/?${text}` : '/';
  };
  const list = messages.length
    ? messages
        .map(
          (message) => `<a href="${escapeHtml(query({ id: message.id }))}"${
            message.id === selected?.id ? ' aria-current="page"' : ''
          }>
  <div class="subject">${escapeHtml(message.subject || '(no subject)')}</div>
  <div class="meta">${escapeHtml(message.to.join(', '))}</div>
  <div class="meta"><time datetime="${escapeHtml(message.receivedAt)}">${escapeHtml(
    message.receivedAt.replace('T', ' ').slice(0, 19),
  )}</time></div>
</a>`,
        )
        .join('\n')
    : `<p class="empty">No messages${to ? ` to ${escapeHtml(to)}` : ''} yet.</p>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${selected ? `${escapeHtml(selected.subject)} · ` : ''}Mail capture</title>
<style>${styles}</style>
</head>
<body>
<header>
  <h1>Mail capture</h1>
  <span class="meta">${messages.length} message${messages.length === 1 ? '' : 's'}${
    to ? ` to ${escapeHtml(to)}` : ''
  }</span>
  <form method="get" action="/">
    <input type="search" name="to" placeholder="Filter by recipient" value="${escapeHtml(to ?? '')}" aria-label="Filter by recipient">
    <button type="submit">Filter</button>
    <a href="${escapeHtml(query({ id: selected?.id, view: view === 'text' ? 'text' : undefined }))}">Refresh</a>
  </form>
  <form method="post" action="/clear"><button type="submit">Delete all</button></form>
</header>
<main>
<nav aria-label="Messages">
${list}
</nav>
${selected ? renderMessage(selected, view, query) : '<section><p class="empty">Choose a message.</p></section>'}
</main>
</body>
</html>`;
}

function renderMessage(
  message: CapturedMessage,
  view: MessageView,
  query: (params: Record<string, string | undefined>) => string,
): string {
  const showHtml = view === 'html' && message.html !== null;
  const tab = (name: MessageView, label: string) =>
    `<a href="${escapeHtml(query({ id: message.id, view: name === 'html' ? undefined : name }))}"${
      (name === 'html') === showHtml ? ' aria-current="page"' : ''
    }>${label}</a>`;
  return `<section aria-label="Message">
  <h2>${escapeHtml(message.subject || '(no subject)')}</h2>
  <dl>
    <dt>From</dt><dd>${escapeHtml(message.from)}</dd>
    <dt>To</dt><dd>${escapeHtml(message.to.join(', '))}</dd>
    <dt>Received</dt><dd>${escapeHtml(message.receivedAt)}</dd>
  </dl>
  <div class="tabs">${message.html !== null ? tab('html', 'HTML') : ''}${tab('text', 'Plain text')}</div>
  ${
    showHtml
      ? `<iframe title="Message body" sandbox="allow-popups allow-popups-to-escape-sandbox" src="/messages/${encodeURIComponent(message.id)}/body.html"></iframe>`
      : `<pre>${escapeHtml(message.text)}</pre>`
  }
</section>`;
}
