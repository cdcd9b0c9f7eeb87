/** Why an upload was refused, with the HTTP status that says so (never a 500 for a bad file). */
export class MediaRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'MediaRefusal';
  }
}
