// huaweicloud_compute_instance: an ECS server ("ecs.server") from the flavor and image
// catalogs, with NICs in subnets of the project (fixed IPs allocated inside the subnet's CIDR),
// security groups, an optional key pair and EIP. Updated in place: name, description, flavor
// (resize), security groups, tags, admin password, key pair, system disk growth, power state.
#include <cctype>
#include <cstdio>
#include <set>

#include "base/ids.h"
#include "providers/compute/compute_common.h"
#include "providers/compute/compute_types.h"
#include "providers/compute/flavor_catalog.h"
#include "providers/compute/image_catalog.h"
#include "providers/common/subnet_addresses.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;
using namespace compute;  // NOLINT: the family's helpers

const std::vector<std::string> kDiskTypes = {"SAS", "SSD", "GPSSD", "ESSD", "GPSSD2", "ESSD2"};

// The real ECS rule: 8 to 26 characters with at least three of upper case, lower case, digits
// and special characters. The message never repeats the password.
std::string CheckAdminPass(const Value& v) {
  const std::string& s = v.AsString();
  if (s.size() < 8 || s.size() > 26) return "the password must be 8 to 26 characters long";
  bool upper = false, lower = false, digit = false, special = false;
  for (unsigned char c : s) {
    if (std::isupper(c)) upper = true;
    else if (std::islower(c)) lower = true;
    else if (std::isdigit(c)) digit = true;
    else special = true;
  }
  if (upper + lower + digit + special < 3) {
    return "the password must contain at least three of: upper-case letters, lower-case "
           "letters, digits and special characters";
  }
  return "";
}

Type VolumeAttachedType() {
  return Type::Object({{"volume_id", Type::String()},
                       {"boot_index", Type::Number()},
                       {"size", Type::Number()},
                       {"type", Type::String()},
                       {"pci_address", Type::String()},
                       {"is_sys_volume", Type::Bool()}});
}

Schema MakeSchema() {
  Block network;
  network.Add(Attr::Required("uuid", Type::String()).ForceNew());
  network.Add(Attr::OptionalComputed("fixed_ip_v4", Type::String()).ForceNew().Check(
      checks::IpAddress()));
  network.Add(Attr::Computed("fixed_ip_v6", Type::String()));
  network.Add(Attr::Optional("ipv6_enable", Type::Bool()).ForceNew());
  network.Add(Attr::Optional("source_dest_check", Type::Bool()));
  network.Add(Attr::Optional("access_network", Type::Bool()));
  network.Add(Attr::Computed("mac", Type::String()));
  network.Add(Attr::Computed("port", Type::String()));

  Block data_disk;
  data_disk.Add(Attr::Required("type", Type::String()).ForceNew().Check(checks::OneOf(kDiskTypes)));
  data_disk.Add(
      Attr::Required("size", Type::Number()).ForceNew().Check(checks::IntBetween(10, 32768)));
  data_disk.Add(Attr::Optional("snapshot_id", Type::String()).ForceNew());
  data_disk.Add(Attr::Optional("kms_key_id", Type::String()).ForceNew());

  Block b;
  b.Add(RegionAttr());
  b.Add(Attr::Required("name", Type::String()).Check(checks::ResourceName(1, 64)));
  b.Add(Attr::Optional("description", Type::String()).Check(NoAngleBrackets(85)));
  b.Add(Attr::OptionalComputed("image_id", Type::String()).ForceNew());
  b.Add(Attr::OptionalComputed("image_name", Type::String()).ForceNew());
  b.Add(Attr::OptionalComputed("flavor_id", Type::String()));
  b.Add(Attr::OptionalComputed("flavor_name", Type::String()));
  b.Add(Attr::OptionalComputed("security_group_ids", Type::List(Type::String())));
  b.Add(Attr::OptionalComputed("availability_zone", Type::String()).ForceNew());
  b.Add(Attr::Optional("admin_pass", Type::String()).Sensitive().Check(CheckAdminPass));
  b.Add(Attr::Optional("key_pair", Type::String()));
  b.Add(Attr::OptionalComputed("system_disk_type", Type::String())
            .ForceNew()
            .Check(checks::OneOf(kDiskTypes)));
  b.Add(Attr::OptionalComputed("system_disk_size", Type::Number()).Check(checks::IntBetween(1, 1024)));
  b.Add(Attr::Optional("user_data", Type::String()).ForceNew());
  b.Add(TagsAttr());
  b.Add(Attr::OptionalComputed("charging_mode", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"prePaid", "postPaid", "spot"})));
  b.Add(Attr::Optional("period_unit", Type::String()).ForceNew().Check(checks::OneOf({"month", "year"})));
  b.Add(Attr::Optional("period", Type::Number()).ForceNew().Check(checks::IntBetween(1, 9)));
  b.Add(Attr::Optional("auto_renew", Type::String()).Check(checks::OneOf({"true", "false"})));
  b.Add(Attr::Optional("eip_id", Type::String()).ForceNew());
  b.Add(EnterpriseProjectAttr());
  b.Add(Attr::Optional("agency_name", Type::String()).ForceNew());
  b.Add(Attr::Optional("stop_before_destroy", Type::Bool()));
  b.Add(Attr::Optional("delete_disks_on_termination", Type::Bool()));
  b.Add(Attr::Optional("delete_eip_on_termination", Type::Bool()));
  b.Add(Attr::Optional("power_action", Type::String())
            .Check(checks::OneOf({"ON", "OFF", "REBOOT", "FORCE-OFF", "FORCE-REBOOT"})));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("access_ip_v4", Type::String()));
  b.Add(Attr::Computed("access_ip_v6", Type::String()));
  b.Add(Attr::Computed("public_ip", Type::String()));
  b.Add(Attr::Computed("system_disk_id", Type::String()));
  b.Add(Attr::Computed("volume_attached", Type::List(VolumeAttachedType())));
  b.Add(Attr::Computed("created_at", Type::String()));
  b.Add(Attr::Computed("updated_at", Type::String()));
  b.AddBlock("network", Nesting::kList, std::move(network), 1, 12, /*force_new=*/true);
  b.AddBlock("data_disks", Nesting::kList, std::move(data_disk), 0, 23, /*force_new=*/true);
  return Schema{std::move(b)};
}

std::string StatusFor(const std::string& power_action) {
  return power_action == "OFF" || power_action == "FORCE-OFF" ? "SHUTOFF" : "ACTIVE";
}

std::string RandomMac() {
  std::string hex = RandomString(6, "0123456789abcdef");
  return "fa:16:3e:" + hex.substr(0, 2) + ":" + hex.substr(2, 2) + ":" + hex.substr(4, 2);
}

// Known, unmarked equality (for planning).
bool SameValue(const Value& a, const Value& b) { return a.UnmarkDeep().RawEquals(b.UnmarkDeep()); }

const Value* Attr0(const Value& obj, std::string_view name) {
  return obj.IsKnown() && !obj.IsNull() && obj.type().IsObject() ? obj.Get(name) : nullptr;
}

// The resolved flavor of a plan: an id or name that differs from the prior one wins.
Result<const Flavor*> ResolveFlavor(const Value& planned, const Value& prior) {
  std::string id = GetString(planned, "flavor_id");
  std::string name = GetString(planned, "flavor_name");
  std::string wanted;
  if (!id.empty() && !name.empty() && id != name) {
    if (id != GetString(prior, "flavor_id")) {
      wanted = id;
    } else if (name != GetString(prior, "flavor_name")) {
      wanted = name;
    } else {
      return InvalidArgument("flavor_id " + id + " and flavor_name " + name +
                             " name different flavors.");
    }
  } else {
    wanted = id.empty() ? name : id;
  }
  if (wanted.empty()) return InvalidArgument("One of flavor_id or flavor_name must be set.");
  const Flavor* f = FindFlavor(wanted);
  if (!f) {
    return NotFound("The flavor " + wanted +
                    " does not exist in this region (see data source huaweicloud_compute_flavors).");
  }
  return f;
}

class ComputeInstanceType : public StoredType {
 public:
  ComputeInstanceType()
      : StoredType("huaweicloud_compute_instance", kServerType, MakeSchema(), {"admin_pass"}) {}

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    auto both_null = [&](std::string_view a, std::string_view b) {
      const Value* va = Attr0(config, a);
      const Value* vb = Attr0(config, b);
      return va && vb && va->IsKnown() && vb->IsKnown() && va->IsNull() && vb->IsNull();
    };
    if (both_null("image_id", "image_name")) {
      diags.AddError("Missing image", std::string(address) + ": one of image_id or image_name must be set.",
                     std::nullopt);
    }
    if (both_null("flavor_id", "flavor_name")) {
      diags.AddError("Missing flavor",
                     std::string(address) + ": one of flavor_id or flavor_name must be set.",
                     std::nullopt);
    }
    if (GetString(config, "charging_mode") == "prePaid" &&
        (both_null("period_unit", "period_unit") || both_null("period", "period"))) {
      diags.AddError("Missing charging period",
                     std::string(address) +
                         ": period_unit and period are required when charging_mode is prePaid.",
                     std::nullopt);
    }
  }

  Value Plan(const Value& prior, const Value& config) const override {
    Value planned = PlanFromSchema(schema(), prior, config);
    if (!planned.IsKnown() || planned.IsNull()) return planned;
    const bool has_prior = prior.IsKnown() && !prior.IsNull();
    std::vector<std::pair<std::string, Value>> changes;
    changes.emplace_back("network", PlanNetworks(planned, has_prior ? prior : Value()));
    if (has_prior) {
      // A flavor or image named one way while the other was computed: the other follows.
      static constexpr std::pair<const char*, const char*> kFollowers[] = {
          {"flavor_id", "flavor_name"},
          {"flavor_name", "flavor_id"},
          {"image_id", "image_name"},
          {"image_name", "image_id"}};
      for (auto [a, b] : kFollowers) {
        if (IsSet(config, a) && !IsSet(config, b) && GetString(config, a) != GetString(prior, a)) {
          changes.emplace_back(b, Value::Unknown(Type::String()));
        }
      }
      if (GetString(config, "power_action") != GetString(prior, "power_action")) {
        changes.emplace_back("status", Value::Unknown(Type::String()));
      }
      if (IsSet(config, "system_disk_size") &&
          GetInt(config, "system_disk_size") != GetInt(prior, "system_disk_size")) {
        changes.emplace_back("volume_attached", Value::Unknown(Type::List(VolumeAttachedType())));
      }
    }
    planned = WithAttrs(planned, std::move(changes));
    if (has_prior && !SameValue(planned, prior)) {
      planned = WithAttrs(planned, {{"updated_at", Value::Unknown(Type::String())}});
    }
    return planned;
  }

  Result<Value> Update(CallContext& ctx, const Value& prior, const Value& planned) const override {
    FW_ASSIGN_OR_RETURN(const Flavor* flavor, ResolveFlavor(planned, prior));
    Value next = FillUnknownsFrom(planned, prior);
    FW_ASSIGN_OR_RETURN(auto groups, CheckSecurityGroups(ctx, GetStrings(next, "security_group_ids")));
    FW_RETURN_IF_ERROR(CheckKeyPair(ctx, GetString(next, "key_pair")));
    int64_t old_size = GetInt(prior, "system_disk_size").value_or(0);
    int64_t new_size = GetInt(next, "system_disk_size").value_or(old_size);
    if (new_size < old_size) {
      return InvalidArgument("The system disk cannot shrink (from " + std::to_string(old_size) +
                             " GB to " + std::to_string(new_size) + " GB).");
    }
    std::vector<Value> volumes;
    if (const Value* va = Attr0(prior, "volume_attached"); va && va->IsKnown() && !va->IsNull()) {
      for (const Value& v : va->Elements()) {
        volumes.push_back(GetBool(v, "is_sys_volume", false)
                              ? WithAttrs(v, {{"size", Value::Int(new_size)}})
                              : v);
      }
    }
    next = WithAttrs(next, {{"flavor_id", Value::String(flavor->id)},
                            {"flavor_name", Value::String(flavor->id)},
                            {"security_group_ids", StringList(groups)},
                            {"status", Value::String(StatusFor(GetString(next, "power_action")))},
                            {"volume_attached", Value::List(VolumeAttachedType(), volumes)},
                            {"updated_at", Value::String(Rfc3339(ctx.Now()))}});
    const bool resized = flavor->id != GetString(prior, "flavor_id");
    return Save(ctx, next, {}, resized ? std::chrono::seconds(120) : std::chrono::seconds(5));
  }

 protected:
  Result<Value> CreateNew(CallContext& ctx, const Value& planned) const override {
    auto lock = AddressLock();  // from choosing the NICs' addresses until the server is stored
    const std::string region = RegionOf(ctx, planned);
    FW_ASSIGN_OR_RETURN(std::string az,
                        ResolveAvailabilityZone(ctx, region, GetString(planned, "availability_zone")));
    FW_ASSIGN_OR_RETURN(const Flavor* flavor, ResolveFlavor(planned, Value()));
    FW_ASSIGN_OR_RETURN(const Image* image, ResolveImage(planned));
    if (image->min_ram_mb > flavor->ram_gb * 1024) {
      return InvalidArgument("The image " + image->name + " needs at least " +
                             std::to_string(image->min_ram_mb) + " MB of memory; flavor " +
                             flavor->id + " has " + std::to_string(flavor->ram_gb * 1024) + " MB.");
    }
    const int64_t disk_size = GetInt(planned, "system_disk_size").value_or(image->min_disk_gb);
    if (disk_size < image->min_disk_gb) {
      return InvalidArgument("The system disk (" + std::to_string(disk_size) +
                             " GB) is smaller than the image's minimum of " +
                             std::to_string(image->min_disk_gb) + " GB.");
    }
    const std::string disk_type = IsSet(planned, "system_disk_type")
                                      ? GetString(planned, "system_disk_type")
                                      : std::string("GPSSD");
    std::vector<std::string> groups = GetStrings(planned, "security_group_ids");
    if (groups.empty()) {
      FW_ASSIGN_OR_RETURN(auto all, ListInProject(ctx, kSecgroupType));
      for (const auto& g : all) {
        if (g.name == "default") groups.push_back(g.id);
      }
    }
    FW_ASSIGN_OR_RETURN(groups, CheckSecurityGroups(ctx, groups));
    FW_RETURN_IF_ERROR(CheckKeyPair(ctx, GetString(planned, "key_pair")));

    boost::json::object extras;
    const std::string id = NewUuid();

    // NICs: one VPC, an address of each subnet.
    std::vector<Value> nics;
    std::string vpc_id, first_ip;
    std::set<uint32_t> picked;
    const Value* networks = Attr0(planned, "network");
    if (!networks || !networks->IsKnown() || networks->IsNull() || networks->Length() == 0) {
      return InvalidArgument("At least one network block is required.");
    }
    for (const Value& n : networks->Elements()) {
      FW_ASSIGN_OR_RETURN(SubnetRef subnet, RequireSubnet(ctx, GetString(n, "uuid")));
      if (!vpc_id.empty() && subnet.vpc_id != vpc_id) {
        return InvalidArgument("All networks of an instance must belong to the same VPC; subnet " +
                               subnet.id + " is in VPC " + subnet.vpc_id + ", not " + vpc_id + ".");
      }
      vpc_id = subnet.vpc_id;
      FW_ASSIGN_OR_RETURN(std::string ip,
                          AllocateAddress(ctx, subnet, GetString(n, "fixed_ip_v4"), picked));
      if (first_ip.empty()) first_ip = ip;
      RecordPort(extras, subnet.id, ip);
      nics.push_back(WithAttrs(n, {{"fixed_ip_v4", Value::String(ip)},
                                   {"fixed_ip_v6", Value::String("")},
                                   {"mac", Value::String(RandomMac())},
                                   {"port", Value::String(NewUuid())}}));
    }

    std::string public_ip;
    if (std::string eip = GetString(planned, "eip_id"); !eip.empty()) {
      FW_ASSIGN_OR_RETURN(public_ip, BindEip(ctx, eip));
      extras["_eip_id"] = eip;
    }

    // Volumes: the system disk, then the data disks.
    const std::string system_disk_id = NewUuid();
    std::vector<Value> volumes;
    auto volume = [](const std::string& vid, int64_t index, int64_t size, const std::string& type,
                     bool sys) {
      char pci[32];
      std::snprintf(pci, sizeof pci, "0000:02:%02x.0", static_cast<int>(index + 1));
      return Value::Object({{"volume_id", Value::String(vid)},
                            {"boot_index", Value::Int(sys ? 0 : -1)},
                            {"size", Value::Int(size)},
                            {"type", Value::String(type)},
                            {"pci_address", Value::String(pci)},
                            {"is_sys_volume", Value::Bool(sys)}});
    };
    volumes.push_back(volume(system_disk_id, 0, disk_size, disk_type, true));
    if (const Value* disks = Attr0(planned, "data_disks"); disks && disks->IsKnown() && !disks->IsNull()) {
      int64_t i = 1;
      for (const Value& d : disks->Elements()) {
        volumes.push_back(volume(NewUuid(), i++, GetInt(d, "size").value_or(10),
                                 GetString(d, "type"), false));
      }
    }

    const std::string now = Rfc3339(ctx.Now());
    Value state = WithAttrs(
        planned,
        {{"region", Value::String(region)},
         {"availability_zone", Value::String(az)},
         {"flavor_id", Value::String(flavor->id)},
         {"flavor_name", Value::String(flavor->id)},
         {"image_id", Value::String(image->id)},
         {"image_name", Value::String(image->name)},
         {"security_group_ids", StringList(groups)},
         {"system_disk_type", Value::String(disk_type)},
         {"system_disk_size", Value::Int(disk_size)},
         {"charging_mode", OrElse(planned, "charging_mode", Value::String("postPaid"))},
         {"enterprise_project_id", OrElse(planned, "enterprise_project_id", Value::String("0"))},
         {"network", Value::List(nics.front().type(), nics)},
         {"id", Value::String(id)},
         {"status", Value::String(StatusFor(GetString(planned, "power_action")))},
         {"access_ip_v4", Value::String(first_ip)},
         {"access_ip_v6", Value::String("")},
         {"public_ip", Value::String(public_ip)},
         {"system_disk_id", Value::String(system_disk_id)},
         {"volume_attached", Value::List(VolumeAttachedType(), volumes)},
         {"created_at", Value::String(now)},
         {"updated_at", Value::String(now)}});
    return Store(ctx, state, std::chrono::seconds(60), std::move(extras), std::move(lock));
  }

 private:
  // Network blocks with their computed attributes from the prior state (same index and
  // subnet) or unknown.
  static Value PlanNetworks(const Value& planned, const Value& prior) {
    const Value* nets = Attr0(planned, "network");
    if (!nets || !nets->IsKnown() || nets->IsNull()) return nets ? *nets : Value();
    const Value* prior_nets = Attr0(prior, "network");
    std::vector<Value> out;
    for (size_t i = 0; i < nets->Length(); ++i) {
      const Value& n = nets->Elements()[i];
      const Value* p = prior_nets && prior_nets->IsKnown() && !prior_nets->IsNull() &&
                               i < prior_nets->Length() &&
                               GetString(prior_nets->Elements()[i], "uuid") == GetString(n, "uuid")
                           ? &prior_nets->Elements()[i]
                           : nullptr;
      std::vector<std::pair<std::string, Value>> fill;
      for (const char* attr : {"fixed_ip_v4", "fixed_ip_v6", "mac", "port"}) {
        const Value* v = n.Get(attr);
        if (v && (!v->IsKnown() || !v->IsNull())) continue;
        const Value* pv = p ? p->Get(attr) : nullptr;
        fill.emplace_back(attr, pv && !pv->IsNull() ? *pv : Value::Unknown(Type::String()));
      }
      out.push_back(WithAttrs(n, std::move(fill)));
    }
    if (out.empty()) return *nets;
    Type element = out.front().type();
    return Value::List(std::move(element), std::move(out));
  }

  static Result<const Image*> ResolveImage(const Value& planned) {
    std::string id = GetString(planned, "image_id");
    std::string name = GetString(planned, "image_name");
    if (id.empty() && name.empty()) return InvalidArgument("One of image_id or image_name must be set.");
    const Image* image = id.empty() ? FindImageByName(name) : FindImageById(id);
    if (!image) {
      return NotFound("The image " + (id.empty() ? name : id) +
                      " does not exist (see data source huaweicloud_images_image).");
    }
    if (!id.empty() && !name.empty() && image->name != name) {
      return InvalidArgument("image_id " + id + " is the image " + image->name + ", not " + name +
                             ".");
    }
    return image;
  }

  static Result<std::vector<std::string>> CheckSecurityGroups(CallContext& ctx,
                                                             std::vector<std::string> ids) {
    for (const auto& g : ids) {
      FW_RETURN_IF_ERROR(RequireSecurityGroup(ctx, g));
    }
    return ids;
  }

  static Status CheckKeyPair(CallContext& ctx, const std::string& name) {
    if (name.empty()) return Status::Ok();
    FW_ASSIGN_OR_RETURN(auto kp, ctx.cloud.inventory->Get(std::string(kKeypairType),
                                                          KeypairItemId(ctx.project_id, name)));
    if (!kp) return NotFound("The key pair " + name + " does not exist in this project.");
    return Status::Ok();
  }

  // The EIP's address, after checking no other server holds it.
  static Result<std::string> BindEip(CallContext& ctx, const std::string& eip_id) {
    FW_ASSIGN_OR_RETURN(auto eip, RequireInProject(ctx, kEipType, eip_id, "EIP"));
    FW_ASSIGN_OR_RETURN(auto servers, ListInProject(ctx, kServerType));
    for (const auto& s : servers) {
      if (BodyString(s.body, "_eip_id") == eip_id) {
        return Conflict("The EIP " + eip_id + " is already bound to instance " + s.id + ".");
      }
    }
    std::string address = BodyString(eip.body, "address");
    if (address.empty()) address = BodyString(eip.body, "public_ip_address");
    return address;
  }
};

}  // namespace

std::unique_ptr<ResourceType> NewComputeInstanceType() {
  return std::make_unique<ComputeInstanceType>();
}

}  // namespace fw::providers
