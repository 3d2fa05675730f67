// The one redactor (common/redact.h) in each sink's form: the trace log's (http::RedactBody,
// http::RedactUrl: "<redacted>"; the simulator's request log calls the same RedactBodyForLog and
// RedactPairs) and the raw archive's (store::BlankSecrets: ""). Structure-aware: after a mode
// byte, the input drives a generator of JSON documents or form bodies whose secret-looking keys
// (the list, in random case and '_'/'-' spellings, partly \u- or %-escaped) hold values marked
// with 'Q', which nothing else generated contains, next to escaped quotes and plain values marked
// with 'Z'. No 'Q' may survive a sink; every 'Z' must. Any other input is taken as text: what
// parses as JSON comes out with every secret-looking key holding the placeholder alone, what
// does not is described or, for the archive, kept.
//   'J' + bytes: a generated JSON document    'F' + bytes: a generated form body
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "pelo/common/redact.h"
#include "pelo/http/redact.h"
#include "store/raw_archive.h"

namespace {

using nlohmann::ordered_json;

struct KeySpelling {
  std::string_view key;
  bool prefixable;  // stays secret with a prefix (it is matched anywhere or at the end)
};

// Secret-looking keys from the one list; and keys that only look like them.
constexpr KeySpelling kSecretKeys[] = {
    {"password", true}, {"access_token", true},  {"refresh_token", true},
    {"id_token", true}, {"token", true},         {"session_id", true},
    {"_csrf", true},    {"api_key", true},       {"client_secret", true},
    {"cookie", true},   {"set-cookie", true},    {"authorization", true},
    {"code", false},    {"code_verifier", false}};
constexpr std::string_view kPrefixes[] = {"facebook_", "x-", "new", "stream-", "my_"};
constexpr std::string_view kPlainKeys[] = {
    "note",       "title",     "token_type", "join_tokens", "codes", "coupon_code",      "state",
    "is_session", "client_id", "expires_in", "session",     "data",  "a \\\"token\\\" b"};

// The fuzz input as a stream of choices; past its end every choice is 0, which always ends
// what is being generated.
class Choices {
 public:
  explicit Choices(std::string_view bytes) : bytes_(bytes) {}
  unsigned Byte() { return pos_ < bytes_.size() ? static_cast<unsigned char>(bytes_[pos_++]) : 0; }
  unsigned Below(unsigned n) { return Byte() % n; }
  bool OneIn(unsigned n) { return Below(n) == n - 1; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

char Hex(unsigned v, bool upper) {
  return static_cast<char>(v < 10 ? '0' + v : (upper ? 'A' : 'a') + v - 10);
}

// `key` (or a prefixed copy) in a random case, with its '_' and '-' swapped, dropped or doubled
// and others inserted: how the key reads once decoded.
std::string Respell(Choices& in, const KeySpelling& spelling) {
  std::string key(spelling.prefixable && in.OneIn(3) ? kPrefixes[in.Below(5)] : "");
  key += spelling.key;
  std::string out;
  for (char c : key) {
    if (in.OneIn(6)) out.push_back(in.Below(2) == 0 ? '_' : '-');
    if (c == '_' || c == '-') {
      const unsigned how = in.Below(4);
      if (how == 1) continue;
      out.push_back(how == 2 ? (c == '_' ? '-' : '_') : c);
      if (how == 3) out.push_back(c);
    } else {
      out.push_back(in.Below(2) == 0 ? c : static_cast<char>(std::toupper(c)));
    }
  }
  return out;
}

// Generates a JSON document and remembers what it must and must not find afterwards.
class JsonGenerator {
 public:
  explicit JsonGenerator(Choices& in) : in_(in) {}

  std::string Document() {
    if (in_.Below(2) == 0) {
      Object(0, false);
    } else {
      Array(0, false);
    }
    return std::move(out_);
  }
  const std::vector<std::string>& kept() const { return kept_; }
  int secrets() const { return secrets_; }

 private:
  static constexpr int kMaxDepth = 6;

  void Space() {
    static constexpr std::string_view kSpaces[] = {"", "", " ", "\n  ", "\t"};
    out_ += kSpaces[in_.Below(5)];
  }

  void Value(int depth, bool secret) {
    switch (in_.Below(depth >= kMaxDepth ? 3 : 5)) {
      case 0:
        secret ? SecretString() : PlainString();
        break;
      case 1:
        if (secret) {
          out_ += std::to_string(4242420000 + marker_++);  // 'Q' cannot mark a number
        } else {
          static constexpr std::string_view kScalars[] = {"true", "false", "null", "0", "-1.5"};
          const unsigned pick = in_.Below(6);
          out_ += pick < 5 ? std::string(kScalars[pick]) : std::to_string(in_.Byte());
        }
        break;
      case 2:
        secret ? SecretString() : PlainString();
        break;
      case 3:
        Object(depth + 1, secret);
        break;
      default:
        Array(depth + 1, secret);
    }
  }

  void Object(int depth, bool secret) {
    out_ += '{';
    const unsigned members = in_.Below(6);
    for (unsigned i = 0; i < members; ++i) {
      if (i > 0) out_ += ',';
      Space();
      if (in_.Below(5) < 2) {
        const KeySpelling& spelling = kSecretKeys[in_.Below(std::size(kSecretKeys))];
        const std::string key = Respell(in_, spelling);
        PELO_FUZZ_CHECK(pelo::IsSecretKey(key));
        ++secrets_;
        Key(key);
        Value(depth, true);
      } else {
        // Numbered: a plain key met twice would keep only its last value, and its marks.
        const std::string key =
            std::string(kPlainKeys[in_.Below(std::size(kPlainKeys))]) + std::to_string(i);
        PELO_FUZZ_CHECK(!pelo::IsSecretKey(key));
        Key(key);
        Value(depth, secret);
      }
      Space();
    }
    out_ += '}';
  }

  void Array(int depth, bool secret) {
    out_ += '[';
    const unsigned items = in_.Below(5);
    for (unsigned i = 0; i < items; ++i) {
      if (i > 0) out_ += ',';
      Space();
      Value(depth, secret);
    }
    out_ += ']';
  }

  // `key` as a JSON string, some characters \u-escaped (the decoded key is `key`; plain keys
  // carry their escaped quotes already escaped).
  void Key(const std::string& key) {
    out_ += '"';
    for (size_t i = 0; i < key.size(); ++i) {
      const char c = key[i];
      if (c == '\\') {  // an escape of a plain key's, kept whole
        out_ += key.substr(i, 2);
        ++i;
      } else if (in_.OneIn(4)) {
        Escaped(c);
      } else {
        out_ += c;
      }
    }
    out_ += '"';
    Space();
    out_ += ':';
    Space();
  }

  void Escaped(char c) {
    const bool upper = in_.Below(2) == 0;
    const auto v = static_cast<unsigned char>(c);
    out_ += "\\u00";
    out_ += Hex(v >> 4, upper);
    out_ += Hex(v & 15, upper);
  }

  // Text that can hold no 'Q': escaped quotes and backslashes, what looks like a secret member
  // inside a string, UTF-8, and sometimes a 'Z' mark that must be kept.
  void PlainString() {
    static constexpr std::string_view kPieces[] = {
        "a",       "b c",      "\\\"",     "\\\\",   "\\/", "\\n", "password", R"(\"password\":\")",
        "\\u00e9", "\xc3\xa9", "token=1&", "\\u0022"};
    out_ += '"';
    const unsigned pieces = in_.Below(5);
    for (unsigned i = 0; i < pieces; ++i) out_ += kPieces[in_.Below(std::size(kPieces))];
    if (in_.OneIn(3)) {
      kept_.push_back("Z" + std::to_string(marker_++) + "Z");
      out_ += kept_.back();
    }
    out_ += '"';
  }

  // A secret: a 'Q' mark, written plainly or partly \u-escaped, among escaped quotes.
  void SecretString() {
    out_ += '"';
    if (in_.OneIn(2)) out_ += "a \\\"b";
    const std::string mark = "QQ" + std::to_string(marker_++) + "QQ";
    for (char c : mark) {
      if (in_.OneIn(4)) {
        Escaped(c);
      } else {
        out_ += c;
      }
    }
    if (in_.OneIn(2)) out_ += "\\\\\\\"";
    out_ += '"';
  }

  Choices& in_;
  std::string out_;
  std::vector<std::string> kept_;
  int secrets_ = 0;
  int marker_ = 0;
};

// A form body: secret keys respelled and partly %-encoded with 'Q'-marked values, plain pairs
// with 'Z'-marked ones, and empty pairs.
struct Form {
  std::string body;
  std::vector<std::string> kept;
};

Form GenerateForm(Choices& in) {
  Form form;
  const unsigned pairs = 1 + in.Below(6);
  for (unsigned i = 0; i < pairs; ++i) {
    if (i > 0) form.body += in.OneIn(5) ? "&&" : "&";
    const std::string mark = std::to_string(i);
    if (in.Below(2) == 0) {
      const std::string key = Respell(in, kSecretKeys[in.Below(std::size(kSecretKeys))]);
      PELO_FUZZ_CHECK(pelo::IsSecretKey(key));
      for (char c : key) {
        if (in.OneIn(4)) {
          const bool upper = in.Below(2) == 0;
          form.body += '%';
          form.body += Hex(static_cast<unsigned char>(c) >> 4, upper);
          form.body += Hex(static_cast<unsigned char>(c) & 15, upper);
        } else {
          form.body += c;
        }
      }
      form.body += "=QQ" + mark + "QQ" + (in.OneIn(2) ? "%20v.~" : "");
    } else {
      form.kept.push_back("Z" + mark + "Z");
      form.body += "state" + mark + "=" + form.kept.back() + (in.OneIn(2) ? "%26password" : "");
    }
  }
  return form;
}

// Whether `ok` holds for the value of every secret-looking key in `doc`, at any depth.
template <typename Ok>
bool EverySecretValue(const ordered_json& doc, Ok ok) {
  std::vector<const ordered_json*> pending = {&doc};
  while (!pending.empty()) {
    const ordered_json* value = pending.back();
    pending.pop_back();
    if (value->is_object()) {
      for (const auto& [key, member] : value->items()) {
        if (pelo::IsSecretKey(key)) {
          if (!ok(member)) return false;
        } else {
          pending.push_back(&member);
        }
      }
    } else if (value->is_array()) {
      for (const ordered_json& item : *value) pending.push_back(&item);
    }
  }
  return true;
}

bool OnlyPlaceholders(const ordered_json& doc, const std::string& placeholder) {
  return EverySecretValue(doc, [&](const ordered_json& v) { return v == placeholder; });
}

bool HasSecretKey(const ordered_json& doc) {
  return !EverySecretValue(doc, [](const ordered_json&) { return false; });
}

ordered_json Parsed(std::string_view text) {
  return ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
}

// What the sinks made of a text.
struct Sinks {
  bool json = false;     // the text parsed as JSON
  std::string log;       // http::RedactBody: the trace log's and the request log's form
  std::string archived;  // store::BlankSecrets: the archive's
};

// Any text: JSON comes out redacted to the placeholder, anything else described (logs) or kept
// (archive); the archive's quick scan never passes over a secret-looking key.
Sinks CheckText(std::string_view text) {
  const ordered_json doc = Parsed(text);
  Sinks out{!doc.is_discarded(), pelo::http::RedactBody(text), pelo::store::BlankSecrets(text)};

  if (out.json) {
    const ordered_json logged = Parsed(out.log);
    PELO_FUZZ_CHECK(!logged.is_discarded());
    PELO_FUZZ_CHECK(OnlyPlaceholders(logged, "<redacted>"));
  } else if (pelo::LooksLikeForm(text)) {
    PELO_FUZZ_CHECK(out.log == pelo::RedactPairs(text, "<redacted>"));
  } else {
    PELO_FUZZ_CHECK(text.empty() ||
                    out.log == "<" + std::to_string(text.size()) + " bytes of non-JSON body>");
  }

  if (!pelo::MayHoldSecretKey(text)) {
    PELO_FUZZ_CHECK(out.archived == text);
    if (out.json) PELO_FUZZ_CHECK(!HasSecretKey(doc));
  } else if (out.json) {
    const ordered_json blanked = Parsed(out.archived);
    PELO_FUZZ_CHECK(!blanked.is_discarded());
    PELO_FUZZ_CHECK(OnlyPlaceholders(blanked, ""));
    PELO_FUZZ_CHECK(pelo::store::BlankSecrets(out.archived) == out.archived);  // a fixed point
  } else {
    PELO_FUZZ_CHECK(out.archived == text);
  }
  return out;
}

// No secret mark ('Q', or a 424242... number) in what a sink wrote; every plain mark.
void CheckMarks(const std::string& out, const std::vector<std::string>& kept) {
  PELO_FUZZ_CHECK(out.find('Q') == std::string::npos);
  PELO_FUZZ_CHECK(out.find("424242") == std::string::npos);
  for (const std::string& mark : kept) PELO_FUZZ_CHECK(out.find(mark) != std::string::npos);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = pelo::fuzz::AsText(data, size);
  if (!text.empty() && text[0] == 'J') {
    Choices in(text.substr(1));
    JsonGenerator generator(in);
    const Sinks out = CheckText(generator.Document());
    PELO_FUZZ_CHECK(out.json);  // the generator writes JSON
    CheckMarks(out.log, generator.kept());
    CheckMarks(out.archived, generator.kept());
    if (generator.secrets() > 0) PELO_FUZZ_CHECK(out.log.find("<redacted>") != std::string::npos);
  } else if (!text.empty() && text[0] == 'F') {
    Choices in(text.substr(1));
    const Form form = GenerateForm(in);
    PELO_FUZZ_CHECK(pelo::LooksLikeForm(form.body));
    CheckMarks(CheckText(form.body).log, form.kept);
    CheckMarks(pelo::http::RedactUrl("https://h/cb?" + form.body + "#" + form.body), form.kept);
  } else {
    CheckText(text);
  }
  return 0;
}
