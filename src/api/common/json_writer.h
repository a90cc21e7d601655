// JsonWriter: streams JSON text straight into a string, for hot responses where building a
// Boost.JSON document first would cost more than the rest of the request.
//
//   JsonWriter w;
//   w.BeginObject().Key("id").String(id).Key("size").Int(100).EndObject();
//   std::string body = w.Take();
//
// Commas are placed automatically; strings are escaped as RFC 8259 requires.
// Thread-safety: one writer per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fw::api {

class JsonWriter {
 public:
  JsonWriter() { out_.reserve(2048); }

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  // Inserts already-serialized JSON as one value.
  JsonWriter& Raw(std::string_view json);

  std::string Take() { return std::move(out_); }

 private:
  JsonWriter& Open(char c);
  JsonWriter& Close(char c);
  void Separate();

  std::string out_;
  std::vector<bool> has_items_;  // per open container: something was written already
  bool after_key_ = false;
};

}  // namespace fw::api
