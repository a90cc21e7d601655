// The YAML reader behind yamldecode (see yaml_parser.h). A recursive-descent parser over the
// text: block structure from columns, flow collections by brackets. Scalar resolution is in
// yaml_resolve.cc.
#include "hcl/functions/yaml_parser.h"

#include <algorithm>
#include <map>
#include <vector>
#include <optional>

#include "hcl/functions/encoding_internal.h"
#include "hcl/functions/yaml_internal.h"

namespace fw::hcl {
namespace {

using yaml_internal::ResolveScalar;
using yaml_internal::ScalarStyle;

struct Node {
  Value value;
  size_t count = 1;  // nodes, alias expansions included
};

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {
    for (size_t i = 0; i < s_.size(); ++i) {
      if (s_[i] == '\n') newlines_.push_back(i);
    }
  }

  Result<Value> Document() {
    SkipBlank();
    while (!Eof() && Col() == 0 && Peek() == '%') SkipLine();  // directives
    SkipBlank();
    if (AtMarker("---")) pos_ += 3;
    FW_ASSIGN_OR_RETURN(Node root, BlockNode(-1, false, true));
    SkipBlank();
    if (AtMarker("...")) {
      pos_ += 3;
      SkipBlank();
    }
    if (AtMarker("---")) {
      pos_ += 3;
      SkipBlank();
      if (!Eof()) return Error("only a single document is allowed");
    }
    if (!Eof()) return Error(Col() > 0 ? "mapping values are not allowed in this context"
                                       : "did not find expected <document start>");
    return root.value;
  }

 private:
  // --- positions -------------------------------------------------------------------------
  bool Eof() const { return pos_ >= s_.size(); }
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0';
  }
  int Col() const {
    size_t line = LineOf(pos_);
    return static_cast<int>(line == 0 ? pos_ : pos_ - newlines_[line - 1] - 1);
  }
  // The number of line breaks before `pos`.
  size_t LineOf(size_t pos) const {
    return static_cast<size_t>(std::lower_bound(newlines_.begin(), newlines_.end(), pos) -
                               newlines_.begin());
  }
  bool IsBlankAt(size_t ahead) const {
    char c = Peek(ahead);
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
  }
  bool AtMarker(std::string_view m) const {
    return Col() == 0 && s_.substr(pos_, 3) == m && IsBlankAt(3);
  }
  Status Error(const std::string& what) const {
    size_t line = 1, col = 1;
    for (size_t i = 0; i < pos_ && i < s_.size(); ++i) {
      if (s_[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    return InvalidArgument("on line " + std::to_string(line) + ", column " + std::to_string(col) +
                           ": " + what);
  }
  void SkipLine() {
    while (!Eof() && Peek() != '\n') ++pos_;
    if (!Eof()) ++pos_;
  }
  void SkipSpaces() {
    while (Peek() == ' ' || Peek() == '\t') ++pos_;
  }
  // Skips spaces, comments and line breaks.
  void SkipBlank() {
    while (!Eof()) {
      char c = Peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++pos_;
      } else if (c == '#' && (pos_ == 0 || IsSpace(s_[pos_ - 1]))) {
        while (!Eof() && Peek() != '\n') ++pos_;
      } else {
        break;
      }
    }
  }
  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  bool AtSeqEntry() const { return Peek() == '-' && IsBlankAt(1); }

  Status Enter() {
    if (++depth_ > kMaxYamlDepth) return Error("exceeded max depth of " +
                                               std::to_string(kMaxYamlDepth));
    return Status::Ok();
  }
  Status Count(Node* n, size_t more) {
    total_ += more;
    n->count += more;
    if (total_ > kMaxYamlNodes) return Error("document expands to too many nodes");
    return Status::Ok();
  }

  // --- properties --------------------------------------------------------------------------
  struct Props {
    std::string anchor;
    std::string tag;
  };

  Result<Props> Properties() {
    Props p;
    for (int i = 0; i < 2; ++i) {
      if (Peek() == '&' && p.anchor.empty()) {
        ++pos_;
        size_t start = pos_;
        while (!Eof() && !IsSpace(Peek()) && std::string_view(",[]{}").find(Peek()) ==
                                                  std::string_view::npos) {
          ++pos_;
        }
        if (pos_ == start) return Error("did not find expected alphabetic or numeric character");
        p.anchor = std::string(s_.substr(start, pos_ - start));
        SkipSpaces();
      } else if (Peek() == '!' && p.tag.empty()) {
        size_t start = pos_;
        while (!Eof() && !IsSpace(Peek())) ++pos_;
        std::string_view t = s_.substr(start, pos_ - start);
        if (t.substr(0, 2) == "!!") {
          p.tag = "tag:yaml.org,2002:" + std::string(t.substr(2));
        } else if (t.substr(0, 2) == "!<" && t.back() == '>') {
          p.tag = std::string(t.substr(2, t.size() - 3));
        } else {
          p.tag = std::string(t);
        }
        SkipSpaces();
      }
    }
    return p;
  }

  Result<Node> Finish(Node n, const Props& props) {
    if (!props.anchor.empty()) anchors_[props.anchor] = {n.value, n.count};
    --depth_;
    return n;
  }

  Result<Node> Alias() {
    ++pos_;
    size_t start = pos_;
    while (!Eof() && !IsSpace(Peek()) &&
           std::string_view(",[]{}").find(Peek()) == std::string_view::npos) {
      ++pos_;
    }
    std::string name(s_.substr(start, pos_ - start));
    auto it = anchors_.find(name);
    if (it == anchors_.end()) return Error("reference to undefined anchor \"" + name + "\"");
    Node n{it->second.first, 0};
    FW_RETURN_IF_ERROR(Count(&n, it->second.second));
    return n;
  }

  // --- block structure ---------------------------------------------------------------------
  // A node whose content must be indented more than `indent` (a sequence may sit at `indent`
  // when it is a mapping value: `seq_indent`).
  Result<Node> BlockNode(int indent, bool seq_indent_ok, bool same_line_ok) {
    FW_RETURN_IF_ERROR(Enter());
    size_t line_before = LineOf(pos_);
    SkipBlank();
    Props props;
    if (!Eof() && (Peek() == '&' || Peek() == '!') && Col() > indent) {
      FW_ASSIGN_OR_RETURN(props, Properties());
      if (Peek() == '#' || Peek() == '\n' || Peek() == '\r' || Eof()) SkipBlank();
    }
    bool new_line = LineOf(pos_) != line_before;
    int col = Col();
    bool ended = Eof() || AtMarker("---") || AtMarker("...");
    if (!ended && seq_indent_ok && AtSeqEntry() && col == indent && new_line) {
      FW_ASSIGN_OR_RETURN(Node n, BlockSequence(col));
      return Finish(std::move(n), props);
    }
    if (ended || col <= indent) {
      auto r = ResolveScalar(props.tag, "", ScalarStyle::kPlain);
      if (!r.ok()) return Error(r.status().message());
      return Finish(Node{*r}, props);
    }
    if (AtSeqEntry()) {
      if (!new_line && !same_line_ok) {
        return Error("block sequence entries are not allowed in this context");
      }
      FW_ASSIGN_OR_RETURN(Node n, BlockSequence(col));
      return Finish(std::move(n), props);
    }
    char c = Peek();
    if (c == '|' || c == '>') {
      FW_ASSIGN_OR_RETURN(std::string text, BlockScalar(indent));
      auto r = ResolveScalar(props.tag, text, c == '|' ? ScalarStyle::kLiteral : ScalarStyle::kFolded);
      if (!r.ok()) return Error(r.status().message());
      return Finish(Node{*r}, props);
    }
    if (c == '*') {
      FW_ASSIGN_OR_RETURN(Node n, Alias());
      SkipSpaces();
      if (Peek() == ':' && IsBlankAt(1)) return Error("only strings are allowed as mapping keys");
      --depth_;
      return n;
    }
    if (c == '[' || c == '{') {
      FW_ASSIGN_OR_RETURN(Node n, FlowNode());
      SkipSpaces();
      if (Peek() == ':' && IsBlankAt(1)) return Error("only strings are allowed as mapping keys");
      return Finish(std::move(n), props);
    }
    if (c == '?' && IsBlankAt(1)) {
      FW_ASSIGN_OR_RETURN(Node n, BlockMapping(col));
      return Finish(std::move(n), props);
    }
    // A scalar: maybe the first key of a block mapping.
    size_t start = pos_;
    FW_ASSIGN_OR_RETURN(ScalarText key, Scalar(/*flow=*/false, indent));
    SkipSpaces();
    if (Peek() == ':' && IsBlankAt(1) && LineOf(start) == LineOf(pos_)) {
      if (!new_line && !same_line_ok) {
        return Error("mapping values are not allowed in this context");
      }
      pos_ = start;
      FW_ASSIGN_OR_RETURN(Node n, BlockMapping(col));
      return Finish(std::move(n), props);
    }
    auto r = ResolveScalar(props.tag, key.text, key.style);
    if (!r.ok()) {
      pos_ = start;
      return Error(r.status().message());
    }
    return Finish(Node{*r}, props);
  }

  Result<Node> BlockSequence(int indent) {
    std::vector<Value> items;
    Node seq;
    while (true) {
      ++pos_;  // '-'
      FW_ASSIGN_OR_RETURN(Node item, BlockNode(indent, false, true));
      FW_RETURN_IF_ERROR(Count(&seq, item.count));
      items.push_back(std::move(item.value));
      SkipBlank();
      if (Eof() || AtMarker("---") || AtMarker("...")) break;
      int col = Col();
      if (col < indent) break;
      if (col == indent && AtSeqEntry()) continue;
      if (col == indent) break;  // a following mapping key of an indentless sequence
      return Error("did not find expected '-' indicator");
    }
    seq.value = Value::Tuple(std::move(items));
    return seq;
  }

  Result<Node> BlockMapping(int indent) {
    std::map<std::string, Value> attrs;
    Node map;
    while (true) {
      FW_ASSIGN_OR_RETURN(Props kp, Properties());
      std::optional<Value> merge;
      std::string key;
      if (Peek() == '*') {
        return Error("only strings are allowed as mapping keys");
      }
      if (Peek() == '[' || Peek() == '{' || (Peek() == '-' && IsBlankAt(1))) {
        return Error("only strings are allowed as mapping keys");
      }
      if (Peek() == '?' && IsBlankAt(1)) {
        // A complex key: `? key` then `: value` on its own line.
        ++pos_;
        FW_ASSIGN_OR_RETURN(Node k, BlockNode(indent, false, true));
        FW_ASSIGN_OR_RETURN(key, yaml_internal::KeyString(k.value, [&](const std::string& m) {
                              return Error(m);
                            }));
        SkipBlank();
        if (Col() != indent || Peek() != ':' || !IsBlankAt(1)) {
          return Error("could not find expected ':'");
        }
        ++pos_;
        FW_ASSIGN_OR_RETURN(Node v, BlockNode(indent, true, false));
        FW_RETURN_IF_ERROR(Count(&map, v.count));
        attrs.insert_or_assign(std::move(key), std::move(v.value));
        SkipBlank();
        if (Eof() || AtMarker("---") || AtMarker("...") || Col() < indent) break;
        if (Col() > indent) return Error("mapping values are not allowed in this context");
        continue;
      }
      FW_ASSIGN_OR_RETURN(ScalarText k, Scalar(false, indent));
      bool is_merge = kp.tag == "tag:yaml.org,2002:merge" ||
                      (kp.tag.empty() && k.style == ScalarStyle::kPlain && k.text == "<<");
      if (!is_merge) {
        auto kv = ResolveScalar(kp.tag, k.text, k.style);
        if (!kv.ok()) return Error(kv.status().message());
        FW_ASSIGN_OR_RETURN(key, yaml_internal::KeyString(*kv, [&](const std::string& m) {
                              return Error(m);
                            }));
      }
      SkipSpaces();
      if (Peek() != ':' || !IsBlankAt(1)) return Error("could not find expected ':'");
      ++pos_;
      FW_ASSIGN_OR_RETURN(Node v, BlockNode(indent, true, false));
      FW_RETURN_IF_ERROR(Count(&map, v.count));
      if (is_merge) {
        FW_RETURN_IF_ERROR(Merge(v.value, &attrs));
      } else {
        attrs.insert_or_assign(std::move(key), std::move(v.value));
      }
      SkipBlank();
      if (Eof() || AtMarker("---") || AtMarker("...")) break;
      int col = Col();
      if (col < indent) break;
      if (col > indent) return Error("mapping values are not allowed in this context");
      if (AtSeqEntry()) return Error("did not find expected key");
    }
    std::vector<std::pair<std::string, Value>> out(attrs.begin(), attrs.end());
    map.value = Value::Object(std::move(out));
    return map;
  }

  Status Merge(const Value& v, std::map<std::string, Value>* attrs) {
    auto merge_one = [&](const Value& m, bool from_seq) -> Status {
      if (!m.IsKnown() || m.IsNull() || !(m.type().IsObject() || m.type().IsMap())) {
        return Error("cannot merge " + m.type().FriendlyName() +
                     (from_seq ? " (from sequence)" : "") + " into mapping");
      }
      for (size_t i = 0; i < m.Keys().size(); ++i) {
        attrs->insert_or_assign(m.Keys()[i], m.Elements()[i]);
      }
      return Status::Ok();
    };
    if (v.IsKnown() && !v.IsNull() && (v.type().IsTuple() || v.type().IsList())) {
      for (const Value& m : v.Elements()) FW_RETURN_IF_ERROR(merge_one(m, true));
      return Status::Ok();
    }
    return merge_one(v, false);
  }

  // --- flow collections ----------------------------------------------------------------------
  Result<Node> FlowNode() {
    FW_RETURN_IF_ERROR(Enter());
    SkipBlank();
    FW_ASSIGN_OR_RETURN(Props props, Properties());
    SkipBlank();
    Node n;
    char c = Peek();
    if (c == '[' || c == '{') {
      bool seq = c == '[';
      char close = seq ? ']' : '}';
      ++pos_;
      std::vector<Value> items;
      std::map<std::string, Value> attrs;
      while (true) {
        SkipBlank();
        if (Eof()) return Error(seq ? "did not find expected ',' or ']'"
                                    : "did not find expected ',' or '}'");
        if (Peek() == close) {
          ++pos_;
          break;
        }
        FW_ASSIGN_OR_RETURN(Node key, FlowNode());
        FW_RETURN_IF_ERROR(Count(&n, key.count));
        SkipBlank();
        std::optional<Value> value;
        if (Peek() == ':') {
          ++pos_;
          SkipBlank();
          if (Peek() == ',' || Peek() == close) {
            value = Value();
          } else {
            FW_ASSIGN_OR_RETURN(Node v, FlowNode());
            FW_RETURN_IF_ERROR(Count(&n, v.count));
            value = std::move(v.value);
          }
          SkipBlank();
        }
        if (seq && !value) {
          items.push_back(std::move(key.value));
        } else {
          FW_ASSIGN_OR_RETURN(std::string k, yaml_internal::KeyString(key.value, [&](const std::string& m) {
                                return Error(m);
                              }));
          if (seq) {
            items.push_back(Value::Object({{std::move(k), std::move(*value)}}));
          } else {
            attrs.insert_or_assign(std::move(k), value ? std::move(*value) : Value());
          }
        }
        if (Peek() == ',') {
          ++pos_;
          continue;
        }
        if (Peek() == close) {
          ++pos_;
          break;
        }
        return Error(seq ? "did not find expected ',' or ']'" : "did not find expected ',' or '}'");
      }
      if (seq) {
        n.value = Value::Tuple(std::move(items));
      } else {
        n.value = Value::Object({attrs.begin(), attrs.end()});
      }
      return Finish(std::move(n), props);
    }
    if (c == '*') {
      FW_ASSIGN_OR_RETURN(Node a, Alias());
      --depth_;
      return a;
    }
    FW_ASSIGN_OR_RETURN(ScalarText t, Scalar(/*flow=*/true, -1));
    auto r = ResolveScalar(props.tag, t.text, t.style);
    if (!r.ok()) return Error(r.status().message());
    n.value = *r;
    return Finish(std::move(n), props);
  }

  // --- scalars -------------------------------------------------------------------------------
  struct ScalarText {
    std::string text;
    ScalarStyle style = ScalarStyle::kPlain;
  };

  Result<ScalarText> Scalar(bool flow, int indent) {
    char c = Peek();
    if (c == '"' || c == '\'') {
      FW_ASSIGN_OR_RETURN(std::string text, QuotedScalar(c == '"'));
      return ScalarText{std::move(text), c == '"' ? ScalarStyle::kDoubleQuoted
                                                   : ScalarStyle::kSingleQuoted};
    }
    if (c == '|' || c == '>') return Error("block scalars are not allowed in flow context");
    return PlainScalar(flow, indent);
  }

  bool PlainEnd(bool flow) const {
    char c = Peek();
    if (Eof() || c == '\n' || c == '\r') return true;
    if (c == ':' && (IsBlankAt(1) || (flow && std::string_view(",[]{}").find(Peek(1)) !=
                                                  std::string_view::npos))) {
      return true;
    }
    if (c == '#' && pos_ > 0 && IsSpace(s_[pos_ - 1])) return true;
    if (flow && std::string_view(",[]{}").find(c) != std::string_view::npos) return true;
    return false;
  }

  Result<ScalarText> PlainScalar(bool flow, int indent) {
    char c = Peek();
    if (std::string_view(",[]{}#&*!|>'\"%@`").find(c) != std::string_view::npos ||
        ((c == '-' || c == '?' || c == ':') && IsBlankAt(1))) {
      if (flow && (c == ']' || c == '}' || c == ',')) return ScalarText{};
      return Error("found character that cannot start any token");
    }
    std::string out;
    int breaks = 0;
    while (true) {
      // One line.
      size_t start = pos_;
      while (!PlainEnd(flow)) ++pos_;
      std::string_view line = s_.substr(start, pos_ - start);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
      if (!line.empty()) {
        if (!out.empty()) out += breaks > 1 ? std::string(breaks - 1, '\n') : " ";
        out.append(line);
      }
      if (out.size() > kMaxYamlBytes) return Error("scalar too long");
      // A continuation line?
      if (!(Peek() == '\n' || Peek() == '\r')) break;
      size_t save = pos_;
      breaks = 0;
      while (Peek() == '\n' || Peek() == '\r' || Peek() == ' ' || Peek() == '\t') {
        if (Peek() == '\n') ++breaks;
        ++pos_;
      }
      bool more = !Eof() && Peek() != '#' && (flow || Col() > indent) && !AtMarker("---") &&
                  !AtMarker("...") && !(flow && std::string_view(",[]{}").find(Peek()) !=
                                                    std::string_view::npos) &&
                  !(Peek() == ':' && IsBlankAt(1));
      if (!more) {
        pos_ = save;
        break;
      }
      // A continuation line must not itself be a mapping key.
      size_t probe = pos_;
      while (!PlainEnd(flow)) ++pos_;
      bool is_key = Peek() == ':' && !flow;
      pos_ = probe;
      if (is_key) {
        pos_ = save;
        break;
      }
    }
    return ScalarText{std::move(out), ScalarStyle::kPlain};
  }

  Result<std::string> QuotedScalar(bool dq) {
    const char quote = dq ? '"' : '\'';
    ++pos_;
    std::string out;
    while (true) {
      if (Eof()) return Error("found unexpected end of stream while scanning a quoted scalar");
      char c = Peek();
      if (c == quote) {
        if (!dq && Peek(1) == '\'') {
          out += '\'';
          pos_ += 2;
          continue;
        }
        ++pos_;
        return out;
      }
      if (c == '\n' || c == '\r' || ((c == ' ' || c == '\t') && LineBreakAhead())) {
        // Folding: trailing spaces dropped, one break -> space, n breaks -> n-1 newlines.
        while (Peek() == ' ' || Peek() == '\t') ++pos_;
        int breaks = 0;
        while (Peek() == '\n' || Peek() == '\r' || Peek() == ' ' || Peek() == '\t') {
          if (Peek() == '\n') ++breaks;
          ++pos_;
        }
        if (AtMarker("---") || AtMarker("...")) {
          return Error("found unexpected document indicator while scanning a quoted scalar");
        }
        out += breaks > 1 ? std::string(breaks - 1, '\n') : " ";
        continue;
      }
      if (dq && c == '\\') {
        FW_RETURN_IF_ERROR(Escape(&out));
        continue;
      }
      out += c;
      ++pos_;
      if (out.size() > kMaxYamlBytes) return Error("scalar too long");
    }
  }

  bool LineBreakAhead() const {
    size_t i = pos_;
    while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t')) ++i;
    return i < s_.size() && (s_[i] == '\n' || s_[i] == '\r');
  }

  Status Escape(std::string* out) {
    ++pos_;  // backslash
    char e = Peek();
    ++pos_;
    int hex = 0;
    switch (e) {
      case '0': *out += '\0'; return Status::Ok();
      case 'a': *out += '\a'; return Status::Ok();
      case 'b': *out += '\b'; return Status::Ok();
      case 't': case '\t': *out += '\t'; return Status::Ok();
      case 'n': *out += '\n'; return Status::Ok();
      case 'v': *out += '\v'; return Status::Ok();
      case 'f': *out += '\f'; return Status::Ok();
      case 'r': *out += '\r'; return Status::Ok();
      case 'e': *out += '\x1b'; return Status::Ok();
      case ' ': *out += ' '; return Status::Ok();
      case '"': *out += '"'; return Status::Ok();
      case '/': *out += '/'; return Status::Ok();
      case '\\': *out += '\\'; return Status::Ok();
      case 'N': *out += "\xc2\x85"; return Status::Ok();
      case '_': *out += "\xc2\xa0"; return Status::Ok();
      case 'L': *out += "\xe2\x80\xa8"; return Status::Ok();
      case 'P': *out += "\xe2\x80\xa9"; return Status::Ok();
      case 'x': hex = 2; break;
      case 'u': hex = 4; break;
      case 'U': hex = 8; break;
      case '\r':
      case '\n':
        // An escaped line break: the break and the next line's leading spaces vanish.
        if (e == '\r' && Peek() == '\n') ++pos_;
        while (Peek() == ' ' || Peek() == '\t') ++pos_;
        return Status::Ok();
      default:
        --pos_;
        return Error("found unknown escape character while parsing a quoted scalar");
    }
    uint32_t cp = 0;
    for (int i = 0; i < hex; ++i) {
      char h = Peek();
      int d = (h >= '0' && h <= '9') ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10
              : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
      if (d < 0) return Error("did not find expected hexdecimal number");
      cp = cp * 16 + static_cast<uint32_t>(d);
      ++pos_;
    }
    if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
      return Error("found invalid Unicode character escape code");
    }
    yaml_internal::AppendUtf8(out, cp);
    return Status::Ok();
  }

  Result<std::string> BlockScalar(int indent) {
    bool literal = Peek() == '|';
    ++pos_;
    char chomp = 0;
    int increment = 0;
    for (int i = 0; i < 2; ++i) {
      char c = Peek();
      if ((c == '+' || c == '-') && !chomp) {
        chomp = c;
        ++pos_;
      } else if (c >= '1' && c <= '9' && !increment) {
        increment = c - '0';
        ++pos_;
      } else if (c == '0') {
        return Error("found an indentation indicator equal to 0");
      }
    }
    SkipSpaces();
    if (Peek() == '#') {
      while (!Eof() && Peek() != '\n') ++pos_;
    }
    if (!Eof() && Peek() != '\n' && Peek() != '\r') {
      return Error("did not find expected comment or line break");
    }
    if (Peek() == '\r') ++pos_;
    if (Peek() == '\n') ++pos_;
    int block_indent = increment ? (indent >= 0 ? indent + increment : increment) : -1;
    // Collect lines.
    std::vector<std::string_view> lines;
    std::vector<int> indents;
    size_t after = pos_;
    while (pos_ < s_.size()) {
      size_t line_start = pos_;
      int spaces = 0;
      while (Peek() == ' ') {
        ++spaces;
        ++pos_;
      }
      size_t end = s_.find('\n', pos_);
      if (end == std::string_view::npos) end = s_.size();
      std::string_view rest = s_.substr(pos_, end - pos_);
      if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
      bool empty = rest.empty();
      if (!empty && block_indent < 0) {
        if (spaces <= indent) {
          pos_ = line_start;
          break;
        }
        block_indent = spaces;
      }
      if (!empty && spaces < block_indent) {
        pos_ = line_start;
        break;
      }
      if (!empty && spaces == 0 && (AtMarkerAt(line_start, "---") || AtMarkerAt(line_start, "..."))) {
        pos_ = line_start;
        break;
      }
      int keep = block_indent < 0 ? 0 : std::min(spaces, block_indent);
      std::string_view text = s_.substr(line_start + keep, end - line_start - keep);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      lines.push_back(empty && spaces <= block_indent ? std::string_view() : text);
      indents.push_back(empty ? -1 : spaces);
      pos_ = end < s_.size() ? end + 1 : end;
      after = pos_;
    }
    pos_ = std::min(pos_, after);
    // Trailing empty lines belong to chomping.
    size_t content_end = lines.size();
    while (content_end > 0 && indents[content_end - 1] < 0 && lines[content_end - 1].empty()) {
      --content_end;
    }
    std::string out;
    bool prev_normal = false;  // previous line was a non-empty, not more-indented line
    bool seen_content = false;
    int pending_breaks = 0;
    for (size_t i = 0; i < content_end; ++i) {
      std::string_view line = lines[i];
      if (indents[i] < 0 && line.empty()) {
        ++pending_breaks;
        continue;
      }
      bool more_indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
      if (literal || !seen_content || !prev_normal || more_indented) {
        out.append(static_cast<size_t>(pending_breaks + (seen_content ? 1 : 0)), '\n');
      } else {
        // Folding: one break between normal lines is a space; n+1 breaks are n newlines.
        out += pending_breaks == 0 ? std::string(" ") : std::string(pending_breaks, '\n');
      }
      pending_breaks = 0;
      out.append(line);
      seen_content = true;
      prev_normal = !more_indented;
      if (out.size() > kMaxYamlBytes) return Error("scalar too long");
    }
    size_t trailing = lines.size() - content_end;
    if (chomp == '-') return out;
    if (content_end == 0 && chomp != '+') return std::string();
    if (chomp == '+') return out + std::string(trailing + (content_end > 0 ? 1 : 0), '\n');
    return out + "\n";
  }

  bool AtMarkerAt(size_t at, std::string_view m) const {
    return s_.substr(at, 3) == m &&
           (at + 3 >= s_.size() || IsSpace(s_[at + 3]));
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::vector<size_t> newlines_;
  int depth_ = 0;
  size_t total_ = 0;
  std::map<std::string, std::pair<Value, size_t>> anchors_;
};

}  // namespace

Result<Value> DecodeYaml(std::string_view text) {
  if (text.size() > kMaxYamlBytes) {
    return InvalidArgument("the YAML document is larger than " + std::to_string(kMaxYamlBytes) +
                           " bytes");
  }
  if (text.substr(0, 3) == "\xef\xbb\xbf") text.remove_prefix(3);
  // The reader accepts UTF-8 only (as libyaml's does).
  size_t i = 0, line = 1, col = 1;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 :
                 (c & 0xf8) == 0xf0 ? 4 : 0;
    if (len == 0 || i + len > text.size() ||
        !encoding_internal::IsValidUtf8(text.substr(i, len))) {
      return InvalidArgument("on line " + std::to_string(line) + ", column " +
                             std::to_string(col) + ": invalid UTF-8 octet sequence");
    }
    uint32_t cp = c;
    if (len > 1) {
      cp = c & (0x7f >> len);
      for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    }
    bool printable = cp == 0x09 || cp == 0x0a || cp == 0x0d || (cp >= 0x20 && cp <= 0x7e) ||
                     cp == 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) ||
                     cp >= 0x10000;
    if (!printable) {
      return InvalidArgument("on line " + std::to_string(line) + ", column " +
                             std::to_string(col) + ": control characters are not allowed");
    }
    if (c == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += len;
  }
  return Parser(text).Document();
}

}  // namespace fw::hcl
