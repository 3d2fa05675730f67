// One redactor for every place pelo writes what it sent or received: the HTTP trace log
// (http/redact.h), the raw-response archive (store) and the simulator's request log. One list of
// secret-looking keys; JSON is parsed, walked and re-serialised, never scanned by hand, so an
// escaped quote cannot lose the redactor its place and a key spelled with \u escapes is seen as
// the key it decodes to. Each sink passes its own placeholder: the archive blanks to "", logs
// write "<redacted>".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pelo {

// What logs write in place of a secret.
inline constexpr std::string_view kRedactedValue = "<redacted>";

// JSON nested deeper than this is replaced whole by the placeholder: re-serialising it would
// recurse without bound, and the API parsers (simdjson's default) refuse it anyway.
inline constexpr int kMaxRedactDepth = 1024;

// True for a key that names a credential: a JSON member, a form or query field, a header.
// Compared lowercased without '_' and '-' (access_token, accessToken and Access-Token are one
// key): anything holding "password"; anything ending in token, secret, cookie, sessionid,
// apikey, csrf or authorization (facebook_access_token, X-Api-Key, Set-Cookie, but not
// token_type or join_tokens); and OAuth's code and code_verifier.
bool IsSecretKey(std::string_view key);

// False only when no member key of the JSON text `text` is secret-looking (IsSecretKey), found
// by one scan of its string literals without a parse; a key with an escape in it (which could
// spell a secret word) and an unterminated string count as secret-looking. Values never do, so
// a title saying "password" costs nothing. Lets a caller keep most bodies byte for byte.
bool MayHoldSecretKey(std::string_view text);

// The JSON text `text` with the value of every secret-looking member, at any depth and whatever
// its type, replaced by the string `placeholder`; key order is kept. A document nested deeper
// than kMaxRedactDepth is the placeholder alone (as a JSON string). nullopt when `text` is not
// JSON.
std::optional<std::string> RedactJson(std::string_view text, std::string_view placeholder);

// Whether `text` has the shape of a form body (application/x-www-form-urlencoded): only the
// characters such a body is written with, and at least one `key=value`.
bool LooksLikeForm(std::string_view text);

// A form body or query string (`key=value&...`) with the value of every secret-looking key
// replaced by `placeholder`. Keys are compared percent-decoded (`pass%77ord` is `password`).
std::string RedactPairs(std::string_view pairs, std::string_view placeholder);

// `body` as a log may show it: JSON or a form with secrets replaced by kRedactedValue; anything
// else only described ("<N bytes of non-JSON body>"), since nothing in it can be told apart.
std::string RedactBodyForLog(std::string_view body);

}  // namespace pelo
