// YAML functions beyond the data files: limits and round-trip properties.
#include <gtest/gtest.h>

#include "hcl/functions/function.h"
#include "hcl/functions/yaml_parser.h"

#if FW_HAVE_RAPIDCHECK
#include <rapidcheck/gtest.h>
#endif

namespace fw::hcl {

Result<Value> CallFn(std::string_view name, std::vector<Value> args);

namespace {

TEST(YamlTest, DepthLimit) {
  std::string deep(5000, '[');
  auto r = DecodeYaml(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("exceeded max depth"), std::string::npos);
  std::string nested;
  for (int i = 0; i < 400; ++i) nested += std::string(i * 2, ' ') + "a:\n";
  EXPECT_FALSE(DecodeYaml(nested).ok());
}

TEST(YamlTest, AliasExpansionLimit) {
  // Billion laughs: each level doubles... tenfold.
  std::string doc = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (int i = 0; i < 9; ++i) {
    std::string name = "l" + std::to_string(i);
    doc += name + ": &" + name + " [";
    for (int k = 0; k < 10; ++k) doc += (k ? ", *" : "*") + prev;
    doc += "]\n";
    prev = name;
  }
  auto r = DecodeYaml(doc);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("too many nodes"), std::string::npos);
}

TEST(YamlTest, RoundTripOfNestedDocument) {
  const char* doc =
      "name: app\nreplicas: 3\nports:\n- 80\n- 443\nenv:\n  DEBUG: \"false\"\n  NOTE: |\n"
      "    line one\n    line two\nitems:\n- id: 1\n  tags: [a, b]\n- id: 2\n  tags: []\n";
  auto v = DecodeYaml(doc);
  ASSERT_TRUE(v.ok()) << v.status().message();
  auto enc = EncodeYaml(*v);
  ASSERT_TRUE(enc.ok());
  auto back = DecodeYaml(*enc);
  ASSERT_TRUE(back.ok()) << back.status().message() << "\n" << *enc;
  EXPECT_TRUE(back->RawEquals(*v)) << *enc;
}

#if FW_HAVE_RAPIDCHECK
Value StringValue(const std::string& raw) {
  // Valid UTF-8: map bytes to code points below 0x800.
  std::string s;
  for (unsigned char c : raw) {
    uint32_t cp = c % 3 == 0 ? c : (c % 3 == 1 ? 0x20 + c % 0x5f : 0x400 + c);
    if (cp < 0x80) {
      s += static_cast<char>(cp == 0x7f ? '~' : cp);
    } else {
      s += static_cast<char>(0xc0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3f));
    }
  }
  return Value::String(s);
}

RC_GTEST_PROP(YamlProperty, StringsRoundTrip, (const std::string& raw)) {
  Value v = StringValue(raw);
  auto enc = EncodeYaml(v);
  RC_ASSERT(enc.ok());
  auto dec = DecodeYaml(*enc);
  RC_ASSERT(dec.ok());
  RC_ASSERT(dec->RawEquals(v));
}

RC_GTEST_PROP(YamlProperty, ObjectsRoundTrip,
              (const std::map<std::string, std::vector<std::string>>& m, int64_t n)) {
  std::map<std::string, Value> attrs;
  size_t entries = 0;
  for (const auto& [k, list] : m) {
    if (++entries > 8) break;
    std::vector<Value> elems;
    for (size_t i = 0; i < list.size() && i < 8; ++i) elems.push_back(StringValue(list[i]));
    attrs.insert_or_assign(StringValue(k).AsString(), Value::Tuple(std::move(elems)));
  }
  attrs.insert_or_assign("n", Value::Int(n));
  Value v = Value::Object({attrs.begin(), attrs.end()});
  auto enc = CallFn("yamlencode", {v});
  RC_ASSERT(enc.ok());
  auto dec = CallFn("yamldecode", {*enc});
  RC_ASSERT(dec.ok());
  RC_ASSERT(dec->RawEquals(v));
}
#endif

}  // namespace
}  // namespace fw::hcl
