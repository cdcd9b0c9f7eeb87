/** The auth cell's password policy, as the forms explain it before anyone gets it wrong. */
export const minPasswordLength = 10;

export const passwordPolicyHint = `At least ${minPasswordLength} characters. Not your email address and not one of the most common passwords; a few unrelated words work well.`;
