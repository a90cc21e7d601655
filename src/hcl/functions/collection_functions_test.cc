// Property tests (rapidcheck) of the collection and string functions: reverse is an involution,
// concat adds lengths, distinct and sort are idempotent, set operations agree with each other,
// strrev/substr/length agree on characters, range lengths, format round trips.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hcl/functions/function.h"
#include "hcl/functions/string_test_notation.h"

#if FW_HAVE_RAPIDCHECK
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>
#endif

namespace fw::hcl {
namespace {

using test_util::CallFunction;

Value Call1(std::string_view name, std::vector<Value> args) {
  auto r = CallFunction(name, std::move(args));
  EXPECT_TRUE(r.ok()) << name << ": " << r.status().message();
  return r.ok() ? *r : Value();
}

TEST(CollectionFunctionsTest, RegistryHasTheFamilies) {
  for (const char* name : {"alltrue",    "anytrue",      "chunklist",
                           "coalesce",   "coalescelist", "compact",
                           "concat",     "contains",     "distinct",
                           "element",    "flatten",      "index",
                           "keys",       "length",       "lookup",
                           "matchkeys",  "merge",        "one",
                           "range",      "reverse",      "setintersection",
                           "setproduct", "setsubtract",  "setunion",
                           "slice",      "sort",         "sum",
                           "transpose",  "values",       "zipmap",
                           "chomp",      "endswith",     "format",
                           "formatlist", "indent",       "join",
                           "lower",      "upper",        "regex",
                           "regexall",   "replace",      "split",
                           "startswith", "strcontains",  "strrev",
                           "substr",     "title",        "trim",
                           "trimprefix", "trimsuffix",   "trimspace",
                           "abs",        "ceil",         "floor",
                           "log",        "max",          "min",
                           "parseint",   "pow",          "signum"}) {
    EXPECT_NE(FunctionRegistry::Builtins().Find(name), nullptr) << name;
  }
}

TEST(CollectionFunctionsTest, ReturnTypeOfMatchesCall) {
  const FunctionSpec* concat = FunctionRegistry::Builtins().Find("concat");
  std::vector<Value> args = {Value::Tuple({Value::String("a")}),
                             Value::List(Type::Number(), {Value::Int(1)})};
  auto t = ReturnTypeOf(*concat, args);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->ToTypeExpr(), "tuple([string, number])");
  EXPECT_EQ(Call1("concat", args).type(), *t);
}

TEST(CollectionFunctionsTest, SetProductIsBounded) {
  Value big = Call1("range", {Value::Int(1000)});
  auto r = CallFunction("setproduct", {big, big});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "the product would have more than 100000 elements");
}

#if FW_HAVE_RAPIDCHECK

Value StringList(const std::vector<std::string>& v) {
  std::vector<Value> elems;
  for (const std::string& s : v) elems.push_back(Value::String(s));
  return Value::List(Type::String(), std::move(elems));
}

Value StringTuple(const std::vector<std::string>& v) {
  std::vector<Value> elems;
  for (const std::string& s : v) elems.push_back(Value::String(s));
  return Value::Tuple(std::move(elems));
}

// Short strings over a small alphabet (so that duplicates are frequent), with some non-ASCII.
rc::Gen<std::string> GenWord() {
  return rc::gen::map(rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 5)),
                      [](const std::vector<int>& cs) {
                        static const char* kParts[] = {"a", "b", "é", "☃", "e\xCC\x81"};
                        std::string s;
                        for (int c : cs) s += kParts[c];
                        return s;
                      });
}

rc::Gen<std::vector<std::string>> GenWords() {
  return rc::gen::resize(12, rc::gen::container<std::vector<std::string>>(GenWord()));
}

RC_GTEST_PROP(CollectionProperties, ReverseIsAnInvolution, ()) {
  auto words = *GenWords();
  for (const Value& v : {StringList(words), StringTuple(words)}) {
    Value twice = Call1("reverse", {Call1("reverse", {v})});
    RC_ASSERT(twice.RawEquals(v));
  }
}

RC_GTEST_PROP(CollectionProperties, ConcatAddsLengths, ()) {
  auto a = *GenWords();
  auto b = *GenWords();
  Value c = Call1("concat", {StringList(a), StringTuple(b)});
  RC_ASSERT(Call1("length", {c}).AsNumber() == Number(a.size() + b.size()));
  Value l = Call1("concat", {StringList(a), StringList(b)});
  RC_ASSERT(l.type() == Type::List(Type::String()));
  RC_ASSERT(l.Length() == a.size() + b.size());
}

RC_GTEST_PROP(CollectionProperties, DistinctAndSortAreIdempotent, ()) {
  Value list = StringList(*GenWords());
  Value d = Call1("distinct", {list});
  RC_ASSERT(Call1("distinct", {d}).RawEquals(d));
  Value s = Call1("sort", {list});
  RC_ASSERT(Call1("sort", {s}).RawEquals(s));
  // distinct has as many elements as the set of the list.
  Value set = Call1("setunion", {list});
  RC_ASSERT(d.Length() == set.Length());
}

RC_GTEST_PROP(CollectionProperties, SetOperationsAgree, ()) {
  Value a = StringList(*GenWords());
  Value b = StringList(*GenWords());
  Value uni = Call1("setunion", {a, b});
  Value inter = Call1("setintersection", {a, b});
  Value a_minus_b = Call1("setsubtract", {a, b});
  Value b_minus_a = Call1("setsubtract", {b, a});
  // |A ∪ B| = |A \ B| + |B \ A| + |A ∩ B|
  RC_ASSERT(uni.Length() == a_minus_b.Length() + b_minus_a.Length() + inter.Length());
  RC_ASSERT(Call1("setunion", {a_minus_b, inter}).RawEquals(Call1("setunion", {a})));
}

RC_GTEST_PROP(CollectionProperties, ChunklistThenFlattenRestores, ()) {
  auto words = *GenWords();
  int size = *rc::gen::inRange(0, 5);
  Value list = StringList(words);
  Value flat = Call1("flatten", {Call1("chunklist", {list, Value::Int(size)})});
  RC_ASSERT(flat.RawEquals(Call1("concat", {StringTuple(words)})));
}

RC_GTEST_PROP(StringProperties, StrrevTwiceAndLength, ()) {
  std::string s = *GenWord() + *GenWord();
  Value v = Value::String(s);
  Value rev = Call1("strrev", {v});
  RC_ASSERT(Call1("strrev", {rev}).AsString() == s);
  RC_ASSERT(Call1("length", {rev}).AsNumber() == Call1("length", {v}).AsNumber());
  // substr over every offset reassembles the string.
  int64_t n = *Call1("length", {v}).AsNumber().ToInt64();
  std::string joined;
  for (int64_t i = 0; i < n; ++i) {
    joined += Call1("substr", {v, Value::Int(i), Value::Int(1)}).AsString();
  }
  RC_ASSERT(joined == s);
}

RC_GTEST_PROP(StringProperties, SplitJoinRoundTrip, ()) {
  auto words = *GenWords();
  RC_PRE(!words.empty());
  bool has_sep = false;
  for (const std::string& w : words) has_sep = has_sep || w.find(',') != std::string::npos;
  RC_PRE(!has_sep);
  Value joined = Call1("join", {Value::String(","), StringList(words)});
  RC_ASSERT(Call1("split", {Value::String(","), joined}).RawEquals(StringList(words)));
}

RC_GTEST_PROP(NumericProperties, FormatDAndParseIntRoundTrip, (int64_t n)) {
  for (const char* verb : {"%d", "%x", "%o", "%b"}) {
    Value text = Call1("format", {Value::String(verb), Value::Int(n)});
    int base = verb[1] == 'd' ? 10 : verb[1] == 'x' ? 16 : verb[1] == 'o' ? 8 : 2;
    Value back = Call1("parseint", {text, Value::Int(base)});
    RC_ASSERT(back.AsNumber() == Number(n));
  }
}

RC_GTEST_PROP(NumericProperties, RangeLength, ()) {
  int start = *rc::gen::inRange(-50, 50);
  int end = *rc::gen::inRange(-50, 50);
  int step = *rc::gen::inRange(1, 7) * (end < start ? -1 : 1);
  Value r = Call1("range", {Value::Int(start), Value::Int(end), Value::Int(step)});
  int span = std::abs(end - start);
  RC_ASSERT(r.Length() == static_cast<size_t>((span + std::abs(step) - 1) / std::abs(step)));
}

#endif  // FW_HAVE_RAPIDCHECK

}  // namespace
}  // namespace fw::hcl
