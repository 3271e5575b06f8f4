/** A problem with a model, its file or its inputs, said for the user (never a stack trace). */
export class ModelError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    /** The request or file field it is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}
