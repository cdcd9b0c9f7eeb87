import { trafficSourceOf, type TrafficSource } from './traffic-source';

/** An event as the tracker records it; `id` and `at` are added here. */
export type TrackInput =
  | { kind: 'page_viewed'; path: string }
  | { kind: 'product_viewed'; path: string; productId: string }
  | { kind: 'search_result_clicked'; query: string; productId: string; position: number }
  | {
      kind: 'cart_item_added';
      productId: string;
      quantity: number;
      unitPriceMinor?: number;
      currency?: string;
    }
  | { kind: 'cart_item_removed'; productId: string; quantity: number }
  | { kind: 'checkout_started' }
  | { kind: 'checkout_step'; step: 'address' | 'shipping' | 'payment' | 'review' }
  | { kind: 'review_written'; productId: string };

type QueuedEvent = Record<string, unknown> & { id: string; kind: string; at: number };

interface TrackingSession {
  id: string;
  source: TrafficSource;
  lastSeenAt: number;
}

const endpoint = '/api/events';
const maxPerBatch = 50;
/** A session ends after 30 minutes without an event, as most analytics tools count it. */
const sessionIdleMs = 30 * 60 * 1000;
const anonymousIdKey = 'shop_aid';
const sessionKey = 'shop_session';

const queue: QueuedEvent[] = [];

function deviceClass(): 'mobile' | 'tablet' | 'desktop' {
  const width = window.screen?.width ?? window.innerWidth;
  if (width < 768) return 'mobile';
  if (width < 1024) return 'tablet';
  return 'desktop';
}

/** A random first-party id for this browser, kept in localStorage (no cookie, no fingerprint). */
function anonymousId(): string {
  let id = localStorage.getItem(anonymousIdKey);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(anonymousIdKey, id);
  }
  return id;
}

function readSession(): TrackingSession | null {
  try {
    const saved = JSON.parse(
      sessionStorage.getItem(sessionKey) ?? 'null',
    ) as TrackingSession | null;
    return saved && Date.now() - saved.lastSeenAt < sessionIdleMs ? saved : null;
  } catch {
    return null;
  }
}

/** The current session, starting one (with its landing page and where it came from) if needed. */
function currentSession(): TrackingSession {
  const now = Date.now();
  let session = readSession();
  if (!session) {
    const url = new URL(window.location.href);
    let referrerHost: string | undefined;
    try {
      referrerHost = document.referrer ? new URL(document.referrer).host : undefined;
    } catch {
      referrerHost = undefined;
    }
    const utm = {
      source: url.searchParams.get('utm_source')?.slice(0, 100) || undefined,
      medium: url.searchParams.get('utm_medium')?.slice(0, 100) || undefined,
      campaign: url.searchParams.get('utm_campaign')?.slice(0, 100) || undefined,
    };
    session = {
      id: crypto.randomUUID(),
      source: trafficSourceOf(referrerHost, utm.medium, url.host),
      lastSeenAt: now,
    };
    const external = referrerHost && referrerHost !== url.host ? referrerHost : undefined;
    queue.push({
      id: crypto.randomUUID(),
      kind: 'session_started',
      at: now,
      landingPath: url.pathname,
      ...(external ? { referrerHost: external } : {}),
      ...(utm.source || utm.medium || utm.campaign ? { utm } : {}),
    });
  }
  session.lastSeenAt = now;
  sessionStorage.setItem(sessionKey, JSON.stringify(session));
  return session;
}

/** Records one event; it leaves with the next batch (every 10 s, or when the page is hidden). */
export function trackEvent(event: TrackInput): void {
  if (typeof window === 'undefined') return;
  try {
    currentSession();
    queue.push({ ...event, id: crypto.randomUUID(), at: Date.now() });
    if (queue.length >= maxPerBatch) flushEvents();
  } catch {
    // Storage blocked (private mode, a strict setting): the shopper is simply not counted.
  }
}

/** Sends what is queued with `sendBeacon`, which the browser delivers even as the page closes. */
export function flushEvents(): void {
  if (queue.length === 0 || typeof navigator.sendBeacon !== 'function') return;
  try {
    const session = currentSession();
    while (queue.length > 0) {
      const events = queue.splice(0, maxPerBatch);
      const batch = {
        anonymousId: anonymousId(),
        sessionId: session.id,
        device: deviceClass(),
        source: session.source,
        events,
      };
      // A string body is sent as text/plain, which needs no CORS preflight and no CSP change.
      navigator.sendBeacon(endpoint, JSON.stringify(batch));
    }
  } catch {
    queue.length = 0;
  }
}
