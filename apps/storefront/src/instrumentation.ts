/** Next.js calls register() once when a server starts, before it serves a request. */
export async function register(): Promise<void> {
  const { checkStorefrontEnvAtStart } = await import('./env');
  checkStorefrontEnvAtStart();
}
