import { describe, expect, it } from 'vitest';
import { formStateFromError } from './form-errors';

/** What a cell call throws: tRPC's client error, recognised by its name. */
function cellError(message: string, data?: unknown): Error {
  return Object.assign(new Error(message), { name: 'TRPCClientError', data });
}

const mapping = {
  fields: ['email', 'password'],
  conflict: { field: 'email', message: 'That email already has an account.' },
  messages: { FORBIDDEN: 'You may not do that.' },
};

describe('formStateFromError', () => {
  it('puts input issues next to the fields they name, and the rest in the form message', () => {
    const state = formStateFromError(
      cellError('bad input', {
        code: 'BAD_REQUEST',
        issues: [
          { path: 'email', message: 'invalid email' },
          { path: 'email', message: 'second issue is not shown' },
          { path: 'address.city', message: 'required' },
        ],
      }),
      mapping,
    );
    expect(state).toEqual({
      status: 'error',
      message: 'Required.',
      fieldErrors: { email: 'Invalid email.' },
    });
  });

  it('asks to check the fields when every issue has one', () => {
    const state = formStateFromError(
      cellError('bad input', {
        code: 'BAD_REQUEST',
        issues: [{ path: 'password', message: 'Too short!' }],
      }),
      mapping,
    );
    expect(state).toEqual({
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: { password: 'Too short!' },
    });
  });

  it('shows a conflict next to its field', () => {
    expect(formStateFromError(cellError('exists', { code: 'CONFLICT' }), mapping)).toEqual({
      status: 'error',
      fieldErrors: { email: 'That email already has an account.' },
    });
  });

  it('uses the form’s own words for a refusal code, the cell’s otherwise', () => {
    expect(formStateFromError(cellError('nope', { code: 'FORBIDDEN' }), mapping).message).toBe(
      'You may not do that.',
    );
    expect(
      formStateFromError(cellError('order not found', { code: 'NOT_FOUND' }), mapping).message,
    ).toBe('Order not found.');
    expect(
      formStateFromError(cellError('slow down', { code: 'TOO_MANY_REQUESTS' }), mapping).message,
    ).toBe('Too many attempts. Wait a minute, then try again.');
  });

  it('never shows an internal message, a stack or a non-tRPC error', () => {
    expect(
      formStateFromError(
        cellError('TypeError: x is undefined', { code: 'INTERNAL_SERVER_ERROR' }),
        mapping,
      ).message,
    ).toBe('Something went wrong on our side. Try again in a moment.');
    expect(formStateFromError(new Error('boom'), mapping).message).toBe(
      'Something went wrong on our side. Try again in a moment.',
    );
    expect(formStateFromError(cellError('fetch failed'), mapping).message).toBe(
      'The service is not answering right now. Try again in a moment.',
    );
  });
});
