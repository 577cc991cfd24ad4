/**
 * The server-side check's probe of one stored bucket, run inside Redis: whether the bucket's key
 * exists and whether its sorted digests (stored-buckets.ts) hold ARGV[1]. Replies 0 (no key),
 * 1 (the key, not the digest) or 2 (the digest): a one-byte integer whatever it found, and the
 * request is as long for every address (the key's bucket has a fixed width, the digest 8 bytes).
 *
 * Why a script and not a GET of the bucket searched in Node: a GET's reply is as long as the
 * bucket, which differs from bucket to bucket, so two addresses (a listed one and another) would
 * cost different bytes; here a hit and a miss cost the same commands and bytes, sent and received
 * (test/check/equal-work.process.test.ts), and a check moves 4 bytes instead of a few KiB. One key
 * per call, so it runs on a cluster too (the bucket is the key's hash tag).
 *
 * The search takes ceil(log2(rows)) steps whatever the digest (a lower bound without early exit),
 * then one comparison for equality. Bytes are compared as unsigned numbers: Lua's own `<` on
 * strings follows the server's locale (strcoll), which Node's Buffer.compare, that sorted them, does not.
 */
export const SEARCH_BUCKET_LUA = `
local packed = redis.call('GET', KEYS[1])
if not packed then return 0 end
local digest = ARGV[1]
local width = #digest
local rows = #packed / width
local function before(index)
  local at = index * width
  for k = 1, width do
    local a, b = string.byte(packed, at + k), string.byte(digest, k)
    if a ~= b then return a < b end
  end
  return false
end
local base, size = 0, rows
while size > 1 do
  local half = math.floor(size / 2)
  if before(base + half) then base = base + half end
  size = size - half
end
if rows > 0 and before(base) then base = base + 1 end
if string.sub(packed, base * width + 1, base * width + width) == digest then return 2 end
return 1`;

/** What SEARCH_BUCKET_LUA replies. */
export const SEARCH_NO_KEY = 0;
export const SEARCH_FOUND = 2;
