#include "hcl/diagnostics.h"

#include <algorithm>

#include "hcl/lexer.h"

namespace fw::hcl {

void Diagnostics::AddError(std::string summary, std::string detail, std::optional<Range> subject,
                           std::optional<Range> context) {
  items_.push_back(Diagnostic{Severity::kError, std::move(summary), std::move(detail),
                              std::move(subject), std::move(context)});
}

void Diagnostics::AddWarning(std::string summary, std::string detail,
                             std::optional<Range> subject) {
  items_.push_back(Diagnostic{Severity::kWarning, std::move(summary), std::move(detail),
                              std::move(subject), std::nullopt});
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::Append(Diagnostics&& other) {
  if (items_.empty()) {
    items_ = std::move(other.items_);
    return;
  }
  for (auto& d : other.items_) items_.push_back(std::move(d));
  other.items_.clear();
}

bool Diagnostics::HasErrors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

namespace {

// Replaces tabs by one space so that the caret line stays aligned (columns count a tab as one).
// Invalid UTF-8 bytes become '?' so that the snippet itself is valid text.
std::string Printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size();) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == '\t') {
      out += ' ';
      ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
    } else {
      size_t len = Utf8SequenceLength(line, i);
      if (len == 0) {
        out += '?';
        ++i;
      } else {
        out.append(line.substr(i, len));
        i += len;
      }
    }
  }
  return out;
}

void AppendSnippet(std::string& out, const Range& r, const SourceFile& file) {
  std::string_view line = file.Line(r.start.line);
  std::string number = std::to_string(r.start.line);
  out += "  " + std::string(4 > number.size() ? 4 - number.size() : 0, ' ') + number + ": ";
  out += Printable(line);
  out += '\n';
  int line_chars = CountChars(line);
  int first = std::max(1, r.start.column);
  int last = r.end.line == r.start.line ? r.end.column : line_chars + 1;
  if (last <= first) last = first + 1;
  out += std::string(8 + (number.size() > 4 ? number.size() - 4 : 0) + first - 1, ' ');
  out += std::string(static_cast<size_t>(last - first), '^');
  out += '\n';
}

void AppendPos(std::string& out, const Pos& p) {
  out += "{\"line\":" + std::to_string(p.line) + ",\"column\":" + std::to_string(p.column) +
         ",\"byte\":" + std::to_string(p.byte) + "}";
}

void AppendRangeJson(std::string& out, const Range& r) {
  out += "{\"filename\":";
  AppendJsonString(out, r.filename());
  out += ",\"start\":";
  AppendPos(out, r.start);
  out += ",\"end\":";
  AppendPos(out, r.end);
  out += '}';
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& d, const SourceLookup& lookup) {
  std::string out = d.severity == Severity::kError ? "Error: " : "Warning: ";
  out += d.summary;
  out += "\n";
  if (d.subject) {
    const Range& r = *d.subject;
    out += "\n  on " + std::string(r.filename()) + " line " + std::to_string(r.start.line) +
           ", column " + std::to_string(r.start.column) + ":\n";
    const SourceFile* file = lookup ? lookup(r.filename()) : nullptr;
    if (file != nullptr) AppendSnippet(out, r, *file);
  }
  if (!d.detail.empty()) {
    out += "\n" + d.detail + "\n";
  }
  return out;
}

std::string FormatDiagnostics(const Diagnostics& diags, const SourceLookup& lookup) {
  std::string out;
  for (const Diagnostic& d : diags) {
    if (!out.empty()) out += '\n';
    out += FormatDiagnostic(d, lookup);
  }
  return out;
}

std::string FormatDiagnostics(const Diagnostics& diags, const SourceFile& file) {
  return FormatDiagnostics(diags, [&file](std::string_view name) -> const SourceFile* {
    return name == *file.name() ? &file : nullptr;
  });
}

void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

std::string DiagnosticToJson(const Diagnostic& d) {
  std::string out = "{\"severity\":";
  out += d.severity == Severity::kError ? "\"error\"" : "\"warning\"";
  out += ",\"summary\":";
  AppendJsonString(out, d.summary);
  out += ",\"detail\":";
  AppendJsonString(out, d.detail);
  if (d.subject) {
    out += ",\"range\":";
    AppendRangeJson(out, *d.subject);
  }
  out += '}';
  return out;
}

std::string DiagnosticsToJson(const Diagnostics& diags) {
  std::string out = "[";
  for (size_t i = 0; i < diags.size(); ++i) {
    if (i > 0) out += ',';
    out += DiagnosticToJson(diags[i]);
  }
  out += ']';
  return out;
}

}  // namespace fw::hcl
