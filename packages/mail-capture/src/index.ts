export { startMailCapture, type MailCapture, type MailCaptureOptions } from './start-mail-capture';
export { type SmtpRejection } from './smtp-receiver';
export { capturedMessageSchema, type CapturedMessage } from './captured-message';
