// csvdecode: RFC 4180 CSV with a header row, read the way Go's encoding/csv reads it (what
// Terraform uses): "\r\n" is a line end, blank lines are skipped, quoted fields may span lines,
// every record must have as many fields as the header.
#include <set>

#include "hcl/functions/encoding_internal.h"

namespace fw::hcl::encoding_internal {
namespace {

constexpr size_t kMaxCsvFields = 1 << 20;

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  // Reads the next record into `fields`; false at the end of input (status ok) or on error.
  bool Read(std::vector<std::string>* fields, Status* status, int* record_line) {
    fields->clear();
    // Skip blank lines.
    while (pos_ < text_.size()) {
      if (text_[pos_] == '\n') {
        ++pos_;
        ++line_;
      } else if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
        pos_ += 2;
        ++line_;
      } else {
        break;
      }
    }
    if (pos_ >= text_.size()) return false;
    *record_line = line_;
    size_t line_start = pos_;
    while (true) {
      std::string field;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        ++pos_;
        while (true) {
          if (pos_ >= text_.size()) {
            *status = Error(ErrorColumn(line_start), "extraneous or missing \" in quoted-field");
            return false;
          }
          char c = text_[pos_];
          if (c == '"') {
            if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
              field += '"';
              pos_ += 2;
              continue;
            }
            ++pos_;
            break;
          }
          if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
            field += '\n';
            pos_ += 2;
            ++line_;
            line_start = pos_;
            continue;
          }
          if (c == '\n') {
            ++line_;
            line_start = pos_ + 1;
          }
          field += c;
          ++pos_;
        }
        // After the closing quote: a separator, a line end or the end of input.
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
            !(text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') &&
            !(text_[pos_] == '\r' && pos_ + 1 == text_.size())) {
          *status = Error(pos_ - line_start + 1, "extraneous or missing \" in quoted-field");
          return false;
        }
      } else {
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') {
          char c = text_[pos_];
          if (c == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n')) break;
          if (c == '"') {
            *status = Error(pos_ - line_start + 1, "bare \" in non-quoted-field");
            return false;
          }
          field += c;
          ++pos_;
        }
      }
      fields->push_back(std::move(field));
      if (fields->size() > kMaxCsvFields) {
        *status = InvalidArgument("CSV record has too many fields");
        return false;
      }
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      // End of record.
      if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return true;
    }
  }

 private:
  size_t ErrorColumn(size_t line_start) const { return pos_ - line_start + 1; }
  Status Error(size_t column, const std::string& what) const {
    (void)column;  // Terraform's message names only the line.
    return InvalidArgument("CSV parse error on line " + std::to_string(line_) + ": " + what);
  }

  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
};

Result<std::vector<std::string>> ReadHeader(std::string_view text) {
  CsvReader reader(text);
  std::vector<std::string> header;
  Status status;
  int line = 0;
  if (!reader.Read(&header, &status, &line)) {
    if (!status.ok()) return status;
    return InvalidArgument("missing header line");
  }
  std::set<std::string, std::less<>> seen;
  for (const std::string& name : header) {
    if (!seen.insert(name).second) {
      return InvalidArgument("duplicate column name " + GoQuote(name));
    }
  }
  return header;
}

}  // namespace

FunctionSpec CsvDecodeFunction() {
  FunctionSpec spec;
  spec.name = "csvdecode";
  spec.description =
      "Decodes a string containing CSV-formatted data and produces a list of maps representing "
      "that data.";
  spec.params = {Parameter{.name = "str", .type = Type::String()}};
  spec.return_type = [](const std::vector<Value>& args) -> Result<Type> {
    if (!args[0].IsKnown()) return Type::Dynamic();
    FW_ASSIGN_OR_RETURN(std::vector<std::string> header, ReadHeader(args[0].AsString()));
    std::vector<std::pair<std::string, Type>> attrs;
    for (std::string& name : header) attrs.emplace_back(std::move(name), Type::String());
    return Type::List(Type::Object(std::move(attrs)));
  };
  spec.impl = [](const std::vector<Value>& args, const Type& ret) -> Result<Value> {
    CsvReader reader(args[0].AsString());
    std::vector<std::string> header;
    Status status;
    int line = 0;
    if (!reader.Read(&header, &status, &line)) return status;
    std::vector<Value> rows;
    std::vector<std::string> fields;
    while (reader.Read(&fields, &status, &line)) {
      if (fields.size() != header.size()) {
        return InvalidArgument("CSV parse error on line " + std::to_string(line) +
                               ": wrong number of fields");
      }
      std::vector<std::pair<std::string, Value>> attrs;
      for (size_t i = 0; i < fields.size(); ++i) {
        attrs.emplace_back(header[i], Value::String(std::move(fields[i])));
      }
      rows.push_back(Value::Object(std::move(attrs)));
    }
    if (!status.ok()) return status;
    return Value::List(ret.ElementType(), std::move(rows));
  };
  return spec;
}

}  // namespace fw::hcl::encoding_internal
