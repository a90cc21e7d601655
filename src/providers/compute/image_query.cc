#include "providers/compute/image_query.h"

#include <re2/re2.h>

#include <algorithm>

#include "providers/compute/compute_common.h"
#include "providers/compute/flavor_catalog.h"
#include "providers/compute/obs_objects.h"

namespace fw::providers::compute {

using hcl::Type;
using hcl::Value;

namespace {
constexpr std::string_view kPublicOwner = "9f5a6b1c2d3e4f5061728394a5b6c7d8";
}  // namespace

void AddImageFilters(Block& b, bool computed) {
  auto attr = [&](const char* name, bool can_be_computed) {
    return computed && can_be_computed ? Attr::OptionalComputed(name, Type::String())
                                       : Attr::Optional(name, Type::String());
  };
  b.Add(attr("name", true));
  b.Add(attr("name_regex", false));
  b.Add(attr("visibility", true).Check(checks::OneOf({"public", "private", "shared", "market"})));
  b.Add(attr("os", true));
  b.Add(attr("os_version", true));
  b.Add(attr("architecture", true).Check(checks::OneOf({"x86", "arm"})));
  b.Add(attr("image_type", true));
  b.Add(attr("owner", true));
  b.Add(attr("flavor_id", false));
  b.Add(attr("enterprise_project_id", false));
}

Result<std::vector<const Image*>> QueryImages(const Value& config) {
  std::unique_ptr<RE2> regex;
  if (std::string pattern = GetString(config, "name_regex"); !pattern.empty()) {
    RE2::Options options;
    options.set_log_errors(false);
    regex = std::make_unique<RE2>(pattern, options);
    if (!regex->ok()) {
      return InvalidArgument("Invalid name_regex " + pattern + ": " + regex->error() + ".");
    }
  }
  const Flavor* flavor = nullptr;
  if (std::string f = GetString(config, "flavor_id"); !f.empty()) {
    flavor = FindFlavor(f);
    if (!flavor) return InvalidArgument("The flavor " + f + " does not exist.");
  }
  auto matches = [&](const char* attr, const std::string& actual) {
    std::string wanted = GetString(config, attr);
    return wanted.empty() || wanted == actual;
  };
  std::vector<const Image*> out;
  for (const Image& img : Images()) {
    if (!matches("name", img.name) || !matches("visibility", img.visibility) ||
        !matches("os", img.os) || !matches("os_version", img.os_version) ||
        !matches("architecture", img.architecture) || !matches("image_type", img.image_type) ||
        !matches("owner", std::string(kPublicOwner))) {
      continue;
    }
    if (regex && !RE2::PartialMatch(img.name, *regex)) continue;
    if (flavor && img.min_ram_mb > flavor->ram_gb * 1024) continue;
    out.push_back(&img);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Image* a, const Image* b) { return a->created_at < b->created_at; });
  return out;
}

Type ImageObjectType() {
  return Type::Object({{"id", Type::String()},
                       {"name", Type::String()},
                       {"status", Type::String()},
                       {"visibility", Type::String()},
                       {"os", Type::String()},
                       {"os_version", Type::String()},
                       {"architecture", Type::String()},
                       {"image_type", Type::String()},
                       {"owner", Type::String()},
                       {"container_format", Type::String()},
                       {"disk_format", Type::String()},
                       {"min_disk_gb", Type::Number()},
                       {"min_ram_mb", Type::Number()},
                       {"size_bytes", Type::Number()},
                       {"protected", Type::Bool()},
                       {"checksum", Type::String()},
                       {"file", Type::String()},
                       {"schema", Type::String()},
                       {"created_at", Type::String()},
                       {"updated_at", Type::String()}});
}

Value ImageObject(const Image& img) {
  return Value::Object({{"id", Value::String(img.id)},
                        {"name", Value::String(img.name)},
                        {"status", Value::String("active")},
                        {"visibility", Value::String(img.visibility)},
                        {"os", Value::String(img.os)},
                        {"os_version", Value::String(img.os_version)},
                        {"architecture", Value::String(img.architecture)},
                        {"image_type", Value::String(img.image_type)},
                        {"owner", Value::String(std::string(kPublicOwner))},
                        {"container_format", Value::String("bare")},
                        {"disk_format", Value::String("zvhd2")},
                        {"min_disk_gb", Value::Int(img.min_disk_gb)},
                        {"min_ram_mb", Value::Int(img.min_ram_mb)},
                        {"size_bytes", Value::Int(img.size_bytes)},
                        {"protected", Value::True()},
                        {"checksum", Value::String(Md5Hex("ims-image:" + img.name))},
                        {"file", Value::String("/v2/images/" + img.id + "/file")},
                        {"schema", Value::String("/v2/schemas/image")},
                        {"created_at", Value::String(img.created_at)},
                        {"updated_at", Value::String(img.created_at)}});
}

}  // namespace fw::providers::compute
