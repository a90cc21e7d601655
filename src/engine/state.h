// Recorded state: what a deployment made, instance by instance, and the root module's outputs.
// Serialized in Terraform's state format version 4 (`terraform.tfstate`), so tools that read
// that format can read ours; RFS keeps the same instances as store rows.
//
// Attribute values are stored unmarked and wholly known; which attributes are sensitive is kept
// beside them as paths (as Terraform's `sensitive_attributes`), so a reader can re-mark them.
//
// Thread-safety: plain values; not synchronized.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "hcl/value.h"

namespace fw::providers {
class Registry;
}

namespace fw::engine {

// "module.net.huaweicloud_vpc.main[0]", "data.huaweicloud_vpcs.all", `x["key"]`.
struct InstanceAddress {
  std::string module;  // "" for the root, "module.net", "module.a[0].module.b"
  bool data = false;
  std::string type;
  std::string name;
  hcl::Value key;  // null (no count/for_each), a whole number (count) or a string (for_each)

  std::string ResourceAddress() const;  // without the instance key
  std::string String() const;
  static Result<InstanceAddress> Parse(std::string_view text);
  friend bool operator<(const InstanceAddress& a, const InstanceAddress& b) {
    return a.String() < b.String();
  }
};

// The instance-key suffix of an address: `[0]`, `["k"]`, or "" for a null key.
std::string KeyString(const hcl::Value& key);

struct InstanceState {
  InstanceAddress address;
  // The provider configuration address, as Terraform writes it:
  // `provider["registry.terraform.io/huaweicloud/huaweicloud"]` (with `.alias` when aliased).
  std::string provider;
  std::string region;        // the region it was created in
  hcl::Value attributes;     // unmarked, wholly known object
  std::vector<hcl::Path> sensitive_paths;
  // Resource addresses (no instance keys) this instance referred to when it was last applied;
  // deletions run in the reverse of this order even after the configuration is gone.
  std::vector<std::string> dependencies;
  bool tainted = false;  // a create that failed half-way; replaced by the next apply

  // The `id` attribute, or "" when the type has none.
  std::string Id() const;
  // attributes with the sensitive paths marked.
  hcl::Value MarkedAttributes() const;
};

struct OutputState {
  hcl::Value value;  // unmarked, known
  bool sensitive = false;
};

class State {
 public:
  int64_t serial = 0;    // +1 on every apply that changed something
  std::string lineage;   // a uuid fixed when the state is first written
  std::map<std::string, InstanceState> instances;  // by InstanceAddress::String()
  std::map<std::string, OutputState> outputs;      // root module outputs by name

  const InstanceState* Find(const std::string& address) const;
  bool empty() const { return instances.empty(); }

  // Terraform's state v4 JSON.
  std::string ToJson() const;
  // Decodes attributes with the schemas of `registry` (types it does not know keep the JSON's
  // implied types).
  static Result<State> FromJson(std::string_view json, const providers::Registry& registry);
};

}  // namespace fw::engine
