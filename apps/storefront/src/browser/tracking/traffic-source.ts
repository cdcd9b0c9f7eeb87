export type TrafficSource = 'direct' | 'search' | 'social' | 'email' | 'campaign' | 'referral';

const searchEngines = /(^|\.)(google|bing|duckduckgo|yahoo|ecosia|baidu|yandex|qwant|startpage)\./i;
const socialSites =
  /(^|\.)(facebook|instagram|t\.co|twitter|x\.com|linkedin|pinterest|reddit|tiktok|youtube)/i;

/**
 * Where a session came from: its UTM medium when the link had one, else the referrer's kind; a
 * referrer on the shop's own host (or none) is direct.
 */
export function trafficSourceOf(
  referrerHost: string | undefined,
  utmMedium: string | undefined,
  ownHost: string,
): TrafficSource {
  const medium = utmMedium?.toLowerCase();
  if (medium === 'email' || medium === 'newsletter') return 'email';
  if (medium === 'social') return 'social';
  if (medium === 'cpc' || medium === 'paid' || medium === 'display' || medium) return 'campaign';
  if (!referrerHost || referrerHost === ownHost) return 'direct';
  if (searchEngines.test(referrerHost)) return 'search';
  if (socialSites.test(referrerHost)) return 'social';
  return 'referral';
}
