// A check needs a few hundred bytes; anything much larger is not a check.
export const CHECK_BODY_LIMIT = '8kb';
