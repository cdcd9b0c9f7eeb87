/** A transient failure: Inngest retries the step with backoff. Carries no secrets. */
export class RetryableSendError extends Error {
  override name = 'RetryableSendError';
}
