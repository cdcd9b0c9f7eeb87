/**
 * Crawlers, link previews, monitors and headless browsers: their page views are not shoppers'.
 * A user agent is only a claim; this keeps honest robots out of the numbers, nothing more.
 */
const robotAgent =
  /bot\b|bot\/|crawl|spider|slurp|mediapartners|facebookexternalhit|embedly|preview|headlesschrome|lighthouse|pingdom|uptime|monitor|curl\/|wget\/|python-requests|httpclient|phantomjs|puppeteer|playwright-bot/i;

/** Why a request is not counted (answered 204 and dropped), or null when it is a shopper's. */
export function uncountedReason(headers: Headers): 'robot' | 'prefetch' | null {
  const agent = headers.get('user-agent')?.trim() ?? '';
  if (agent === '' || robotAgent.test(agent)) return 'robot';
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''}`;
  if (/prefetch|prerender/i.test(purpose)) return 'prefetch';
  return null;
}
