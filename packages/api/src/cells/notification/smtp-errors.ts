/** The fields nodemailer puts on its errors (see nodemailer's NodemailerError). */
interface SmtpErrorFields {
  code?: string;
  responseCode?: number;
  permanent?: boolean;
}

/** Errors that retrying the same message will not fix: configuration or the recipient. */
const permanentCodes = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ECONFIG', 'EENVELOPE', 'EMESSAGE']);

/**
 * Whether an SMTP failure is worth retrying. A reply code decides when there is one (RFC 5321:
 * 5yz permanent, 4yz transient; 503 "bad sequence" works on a new connection). Without one,
 * a connection, DNS, TLS or timeout problem is transient; bad credentials or an unusable envelope
 * are not.
 */
export function isPermanentSmtpError(error: unknown): boolean {
  const { code, responseCode, permanent } = fieldsOf(error);
  if (typeof permanent === 'boolean') return permanent;
  if (typeof responseCode === 'number') return responseCode >= 500 && responseCode !== 503;
  return code !== undefined && permanentCodes.has(code);
}

/**
 * A short description for the Message record and logs: code, reply code and the server's text,
 * with anything shaped like URL credentials removed (an SMTP_URL must never be stored).
 */
export function describeSmtpError(error: unknown): string {
  const { code, responseCode } = fieldsOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const label = [code, responseCode].filter((part) => part !== undefined).join(' ');
  const text = `${label ? `${label}: ` : ''}${message}`.replace(/\/\/[^\s/@]*@/g, '//***@');
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

function fieldsOf(error: unknown): SmtpErrorFields {
  if (typeof error !== 'object' || error === null) return {};
  const { code, responseCode, permanent } = error as Record<string, unknown>;
  return {
    code: typeof code === 'string' ? code : undefined,
    responseCode: typeof responseCode === 'number' ? responseCode : undefined,
    permanent: typeof permanent === 'boolean' ? permanent : undefined,
  };
}
