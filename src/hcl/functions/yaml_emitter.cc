// yamlencode's writer: the output Terraform's encoder (go-cty-yaml over libyaml's emitter)
// produces. Block style; strings double-quoted, or literal blocks (`|`) when they contain a line
// break and a block can represent them; keys double-quoted; empty collections `[]`/`{}`; `...`
// after a root plain scalar or a keep-chomped (`|+`) block; double-quoted strings folded at
// column 80; characters outside libyaml's printable set escaped (`\t`, `\U0001F30D`).
#include <cstdio>

#include "hcl/functions/yaml_parser.h"

namespace fw::hcl {
namespace {

constexpr int kBestIndent = 2;
constexpr int kBestWidth = 80;
constexpr size_t kMaxSimpleKey = 128;

size_t Utf8Width(unsigned char c) {
  return (c & 0x80) == 0 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 1;
}

// libyaml's is_printable.
bool IsPrintable(std::string_view s, size_t i) {
  auto b = [&](size_t k) -> unsigned char {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  unsigned char c = b(0);
  return c == 0x0a || (c >= 0x20 && c <= 0x7e) || (c == 0xc2 && b(1) >= 0xa0) ||
         (c > 0xc2 && c < 0xed) || (c == 0xed && b(1) < 0xa0) || c == 0xee ||
         (c == 0xef && !(b(1) == 0xbb && b(2) == 0xbf) &&
          !(b(1) == 0xbf && (b(2) == 0xbe || b(2) == 0xbf)));
}

bool IsBreak(std::string_view s, size_t i) {
  auto b = [&](size_t k) -> unsigned char {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  return b(0) == '\r' || b(0) == '\n' || (b(0) == 0xc2 && b(1) == 0x85) ||
         (b(0) == 0xe2 && b(1) == 0x80 && (b(2) == 0xa8 || b(2) == 0xa9));
}

bool IsBom(std::string_view s, size_t i) { return s.substr(i, 3) == "\xef\xbb\xbf"; }

uint32_t DecodeAt(std::string_view s, size_t i, size_t w) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  uint32_t v = w == 1 ? c : w == 2 ? c & 0x1f : w == 3 ? c & 0x0f : c & 0x07;
  for (size_t k = 1; k < w && i + k < s.size(); ++k) {
    v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
  }
  return v;
}

// Whether a literal block can carry the string (libyaml's analysis: no special characters, no
// space before a break, no trailing space).
bool BlockAllowed(std::string_view s) {
  if (s.empty()) return false;
  bool prev_space = false;
  for (size_t i = 0; i < s.size(); i += Utf8Width(static_cast<unsigned char>(s[i]))) {
    if (!IsPrintable(s, i) && !IsBreak(s, i)) return false;
    if (IsBom(s, i)) return false;
    if (s[i] == ' ') {
      prev_space = true;
    } else if (IsBreak(s, i)) {
      if (prev_space) return false;
      prev_space = false;
    } else {
      prev_space = false;
    }
  }
  return s.back() != ' ';
}

class Emitter {
 public:
  std::string Finish() {
    if (open_ended_) out_ += "\n...";
    out_ += '\n';
    return std::move(out_);
  }

  // `indent`: the indent of the collection holding the node (-1 at the root).
  Status Node(const Value& v, int indent, bool root) {
    if (!v.IsKnown()) return InvalidArgument("cannot serialize unknown value as YAML");
    if (++depth_ > 1024) return InvalidArgument("value is nested too deeply to encode as YAML");
    Status st = NodeInner(v, indent, root);
    --depth_;
    return st;
  }

 private:
  Status NodeInner(const Value& v, int indent, bool root) {
    const Type& t = v.type();
    if (v.IsNull()) return Plain("null", root);
    switch (t.kind()) {
      case TypeKind::kString:
        String(v.AsString(), indent < 0 ? kBestIndent : indent + kBestIndent, false);
        return Status::Ok();
      case TypeKind::kNumber:
        return Plain(v.AsNumber().ToString(), root);
      case TypeKind::kBool:
        return Plain(v.AsBool() ? "true" : "false", root);
      case TypeKind::kList:
      case TypeKind::kSet:
      case TypeKind::kTuple:
        if (v.Length() == 0) return Indicator("[]");
        return Sequence(v, indent < 0 ? 0 : indent);
      case TypeKind::kMap:
      case TypeKind::kObject:
        if (v.Length() == 0) return Indicator("{}");
        return Mapping(v, indent < 0 ? 0 : indent, false);
      default:
        return InvalidArgument("can't marshal " + t.FriendlyName() + " as YAML");
    }
  }

  Status Indicator(std::string_view s) {
    out_ += s;
    open_ended_ = false;
    return Status::Ok();
  }

  Status Plain(const std::string& s, bool root) {
    out_ += s;
    open_ended_ = root;
    return Status::Ok();
  }

  void NewLine(int indent) {
    out_ += '\n';
    out_.append(static_cast<size_t>(indent), ' ');
  }

  int Column() const {
    size_t nl = out_.rfind('\n');
    size_t start = nl == std::string::npos ? 0 : nl + 1;
    int col = 0;
    for (size_t i = start; i < out_.size(); i += Utf8Width(static_cast<unsigned char>(out_[i]))) {
      ++col;
    }
    return col;
  }

  // A string scalar whose continuation lines are indented by `indent`.
  void String(const std::string& s, int indent, bool simple_key) {
    open_ended_ = false;
    if (!simple_key && s.find('\n') != std::string::npos && BlockAllowed(s)) {
      Literal(s, indent);
      return;
    }
    DoubleQuoted(s, indent, /*allow_breaks=*/!simple_key);
  }

  void Literal(std::string_view s, int indent) {
    out_ += '|';
    if (s[0] == ' ' || IsBreak(s, 0)) out_ += static_cast<char>('0' + kBestIndent);
    size_t last = s.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(s[last]) & 0xc0) == 0x80) --last;
    if (!IsBreak(s, last)) {
      out_ += '-';
    } else if (last == 0) {
      out_ += '+';
      open_ended_ = true;
    } else {
      size_t prev = last - 1;
      while (prev > 0 && (static_cast<unsigned char>(s[prev]) & 0xc0) == 0x80) --prev;
      if (IsBreak(s, prev)) {
        out_ += '+';
        open_ended_ = true;
      }
    }
    out_ += '\n';
    bool breaks = true;
    for (size_t i = 0; i < s.size();) {
      if (IsBreak(s, i)) {
        out_ += '\n';
        i += (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ? 2
             : Utf8Width(static_cast<unsigned char>(s[i]));
        breaks = true;
        continue;
      }
      if (breaks) out_.append(static_cast<size_t>(indent), ' ');
      size_t w = Utf8Width(static_cast<unsigned char>(s[i]));
      out_.append(s.substr(i, w));
      i += w;
      breaks = false;
    }
    if (!breaks || s.empty()) return;
    // The content ended with a break: the next line starts clean.
    out_.pop_back();
  }

  void DoubleQuoted(std::string_view s, int indent, bool allow_breaks) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    out_ += '"';
    int column = Column();
    bool spaces = false;
    for (size_t i = 0; i < s.size();) {
      size_t w = Utf8Width(static_cast<unsigned char>(s[i]));
      if (!IsPrintable(s, i) || IsBom(s, i) || IsBreak(s, i) || s[i] == '"' || s[i] == '\\') {
        uint32_t v = DecodeAt(s, i, w);
        i += w;
        out_ += '\\';
        column += 1;
        const char* simple = nullptr;
        switch (v) {
          case 0x00: simple = "0"; break;
          case 0x07: simple = "a"; break;
          case 0x08: simple = "b"; break;
          case 0x09: simple = "t"; break;
          case 0x0a: simple = "n"; break;
          case 0x0b: simple = "v"; break;
          case 0x0c: simple = "f"; break;
          case 0x0d: simple = "r"; break;
          case 0x1b: simple = "e"; break;
          case 0x22: simple = "\""; break;
          case 0x5c: simple = "\\"; break;
          case 0x85: simple = "N"; break;
          case 0xa0: simple = "_"; break;
          case 0x2028: simple = "L"; break;
          case 0x2029: simple = "P"; break;
        }
        if (simple) {
          out_ += simple;
          column += 1;
        } else {
          int digits = v <= 0xff ? 2 : v <= 0xffff ? 4 : 8;
          out_ += v <= 0xff ? 'x' : v <= 0xffff ? 'u' : 'U';
          for (int k = (digits - 1) * 4; k >= 0; k -= 4) out_ += kHex[(v >> k) & 15];
          column += 1 + digits;
        }
        spaces = false;
        continue;
      }
      if (s[i] == ' ') {
        if (allow_breaks && !spaces && column > kBestWidth && i > 0 && i < s.size() - 1) {
          NewLine(indent);
          column = indent;
          if (i + 1 < s.size() && s[i + 1] == ' ') {
            out_ += '\\';
            ++column;
          }
          i += 1;
        } else {
          out_ += ' ';
          ++column;
          i += 1;
        }
        spaces = true;
        continue;
      }
      out_.append(s.substr(i, w));
      i += w;
      ++column;
      spaces = false;
    }
    out_ += '"';
  }

  Status Sequence(const Value& v, int indent) {
    bool first = true;
    for (const Value& item : v.Elements()) {
      if (!first || !inline_next_) {
        if (!out_.empty()) NewLine(indent);
        else out_.append(static_cast<size_t>(indent), ' ');
      }
      first = false;
      inline_next_ = false;
      out_ += "- ";
      open_ended_ = false;
      inline_next_ = true;
      FW_RETURN_IF_ERROR(Item(item, indent));
      inline_next_ = false;
    }
    return Status::Ok();
  }

  // A sequence item or a mapping value starting right after "- " / after ": ".
  Status Item(const Value& item, int indent) {
    if (!item.IsKnown()) return InvalidArgument("cannot serialize unknown value as YAML");
    bool block = !item.IsNull() && item.Length() > 0 &&
                 (item.type().IsCollection() || item.type().IsStructural());
    if (!block) {
      inline_next_ = false;
      return Node(item, indent, false);
    }
    if (item.type().IsObject() || item.type().IsMap()) {
      return Mapping(item, indent + kBestIndent, true);
    }
    return Sequence(item, indent + kBestIndent);
  }

  Status Mapping(const Value& v, int indent, bool first_inline) {
    for (size_t i = 0; i < v.Length(); ++i) {
      if (i > 0 || !first_inline) {
        if (!out_.empty()) NewLine(indent);
        else out_.append(static_cast<size_t>(indent), ' ');
      }
      inline_next_ = false;
      const std::string& key = v.Keys()[i];
      const Value& val = v.Elements()[i];
      bool simple = key.size() <= kMaxSimpleKey && key.find_first_of("\r\n") == std::string::npos &&
                    key.find("\xc2\x85") == std::string::npos &&
                    key.find("\xe2\x80\xa8") == std::string::npos &&
                    key.find("\xe2\x80\xa9") == std::string::npos;
      if (!simple) {
        out_ += "? ";
        String(key, indent + kBestIndent, false);
        NewLine(indent);
        out_ += ":";
      } else {
        String(key, indent + kBestIndent, true);
        out_ += ":";
      }
      open_ended_ = false;
      if (!val.IsKnown()) return InvalidArgument("cannot serialize unknown value as YAML");
      bool block = !val.IsNull() && val.Length() > 0 &&
                   (val.type().IsCollection() || val.type().IsStructural());
      if (!block) {
        out_ += ' ';
        FW_RETURN_IF_ERROR(Node(val, indent, false));
      } else if (val.type().IsObject() || val.type().IsMap()) {
        FW_RETURN_IF_ERROR(Mapping(val, indent + kBestIndent, false));
      } else {
        FW_RETURN_IF_ERROR(Sequence(val, indent));  // indentless inside a mapping
      }
    }
    return Status::Ok();
  }

  std::string out_;
  bool open_ended_ = false;
  bool inline_next_ = false;
  int depth_ = 0;
};

}  // namespace

Result<std::string> EncodeYaml(const Value& value) {
  Emitter e;
  FW_RETURN_IF_ERROR(e.Node(value, -1, true));
  return e.Finish();
}

}  // namespace fw::hcl
