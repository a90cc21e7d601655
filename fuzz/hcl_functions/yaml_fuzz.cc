// libFuzzer target for the decoders of untrusted text among the hcl functions: yamldecode (and
// yamlencode of what it returns), jsondecode (DecodeJsonImplied), csvdecode, base64decode. The
// first byte picks the decoder.
#include <cstddef>
#include <cstdint>
#include <string>

#include "hcl/functions/function.h"
#include "hcl/functions/yaml_parser.h"
#include "hcl/value_json.h"

using fw::hcl::Value;

static void CallBuiltin(const char* name, const std::string& text) {
  const fw::hcl::FunctionSpec* spec = fw::hcl::FunctionRegistry::Builtins().Find(name);
  if (spec) (void)fw::hcl::Call(*spec, {Value::String(text)});
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0: {
      auto v = fw::hcl::DecodeYaml(text);
      if (v.ok()) {
        auto enc = fw::hcl::EncodeYaml(*v);
        if (enc.ok()) {
          // What yamlencode writes must read back.
          auto back = fw::hcl::DecodeYaml(*enc);
          if (!back.ok()) __builtin_trap();
        }
      }
      break;
    }
    case 1:
      (void)fw::hcl::DecodeJsonImplied(text);
      break;
    case 2:
      CallBuiltin("csvdecode", text);
      break;
    case 3:
      CallBuiltin("base64decode", text);
      break;
  }
  return 0;
}
