import { cspReportHandler } from '@shop/auth-session/browser-security/csp-report';

// Browsers post Content-Security-Policy violations here (report-uri of every page's policy).
export const dynamic = 'force-dynamic';

export const POST = cspReportHandler('admin');
