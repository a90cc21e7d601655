#include "api/common/json_writer.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace fw::api {
namespace {

TEST(JsonWriterTest, CommasNestingAndEscapes) {
  JsonWriter w;
  w.BeginObject()
      .Key("a").String("x\"y\n")
      .Key("n").Int(-5)
      .Key("b").Bool(true)
      .Key("z").Null()
      .Key("list").BeginArray().Int(1).BeginObject().EndObject().BeginArray().EndArray().EndArray()
      .Key("raw").Raw("{\"k\":[1]}")
      .EndObject();
  std::string text = w.Take();
  EXPECT_EQ(text,
            R"({"a":"x\"y\n","n":-5,"b":true,"z":null,"list":[1,{},[]],"raw":{"k":[1]}})");
  auto v = boost::json::parse(text);  // valid JSON
  EXPECT_EQ(v.at("list").as_array().size(), 3u);
}

}  // namespace
}  // namespace fw::api
