// Diagnostics: the errors and warnings the HCL layer reports about user input.
//
// Syntax errors are never exceptions: every parser entry point returns its diagnostics beside a
// best-effort result. Formatting follows Terraform's CLI ("Error: <summary>", the source line
// with the subject underlined, then the detail) and `terraform validate -json`.
//
// Thread-safety: values; formatting is pure.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hcl/source.h"

namespace fw::hcl {

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string summary;
  std::string detail;
  std::optional<Range> subject;  // What the diagnostic is about.
  std::optional<Range> context;  // A larger enclosing range, if useful.
};

class Diagnostics {
 public:
  Diagnostics() = default;

  void Add(Diagnostic d) { items_.push_back(std::move(d)); }
  void AddError(std::string summary, std::string detail, std::optional<Range> subject,
                std::optional<Range> context = std::nullopt);
  void AddWarning(std::string summary, std::string detail, std::optional<Range> subject);
  void Append(const Diagnostics& other);
  void Append(Diagnostics&& other);

  bool HasErrors() const;
  bool empty() const { return items_.empty(); }
  size_t size() const { return items_.size(); }
  const Diagnostic& operator[](size_t i) const { return items_[i]; }
  std::vector<Diagnostic>::const_iterator begin() const { return items_.begin(); }
  std::vector<Diagnostic>::const_iterator end() const { return items_.end(); }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

// Finds the source of a file by name (nullptr when unknown: the snippet is then omitted).
using SourceLookup = std::function<const SourceFile*(std::string_view filename)>;

// Terraform-style text:
//   Error: Invalid expression
//
//     on main.tf line 3, column 10:
//      3:   name = foo(
//                     ^
//
//   Expected the start of an expression, but found the end of the file.
std::string FormatDiagnostic(const Diagnostic& d, const SourceLookup& lookup);
std::string FormatDiagnostics(const Diagnostics& diags, const SourceLookup& lookup);
// Convenience for diagnostics about a single file.
std::string FormatDiagnostics(const Diagnostics& diags, const SourceFile& file);

// One JSON object per diagnostic, as `terraform validate -json` prints them:
// {"severity":"error","summary":"…","detail":"…","range":{"filename":"…",
//  "start":{"line":1,"column":1,"byte":0},"end":{…}}}
std::string DiagnosticToJson(const Diagnostic& d);
// A JSON array of DiagnosticToJson objects.
std::string DiagnosticsToJson(const Diagnostics& diags);

// Appends `text` to `out` as a JSON string literal (with quotes).
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace fw::hcl
