// huaweicloud_cce_cluster: a CCE (Kubernetes) cluster in a subnet of a VPC. Kept in the
// inventory as "cce.cluster". Description, EIP and tags change in place; everything else forces
// a new cluster. Deleting a cluster that still has nodes or node pools is refused, as the real
// service refuses it while they are in use (Terraform deletes them first).
#include <algorithm>
#include <boost/json.hpp>

#include "base/ids.h"
#include "crypto/crypto.h"
#include "providers/common/network_refs.h"
#include "providers/common/stored_type.h"
#include "providers/common/subnet_addresses.h"
#include "providers/common/values.h"
#include "providers/common/ipv4.h"
#include "providers/database/cce_common.h"
#include "providers/database/database_types.h"
#include "providers/database/placement.h"
#include "providers/database/value_checks.h"

namespace fw::providers {
namespace {

using hcl::Type;
using hcl::Value;

constexpr std::chrono::seconds kCreateTime{480};
constexpr char kDefaultVersion[] = "v1.28";
constexpr char kDefaultContainerCidr[] = "172.16.0.0/16";
constexpr char kDefaultServiceCidr[] = "10.247.0.0/16";

Type CertificateClusterType() {
  return Type::Object({{"name", Type::String()},
                       {"server", Type::String()},
                       {"certificate_authority_data", Type::String()}});
}

Type CertificateUserType() {
  return Type::Object({{"name", Type::String()},
                       {"client_certificate_data", Type::String()},
                       {"client_key_data", Type::String()}});
}

Schema MakeSchema() {
  Block masters;
  masters.Add(Attr::Optional("availability_zone", Type::String()).ForceNew());

  Block b;
  b.Add(Attr::OptionalComputed("region", Type::String()).ForceNew());
  b.Add(Attr::Required("name", Type::String()).ForceNew().Check(database::LowercaseName(4, 128)));
  b.Add(Attr::Required("flavor_id", Type::String())
            .ForceNew()
            .Check(checks::OneOf(database::CceClusterFlavors())));
  b.Add(Attr::OptionalComputed("cluster_version", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"v1.23", "v1.25", "v1.27", "v1.28", "v1.29"})));
  b.Add(Attr::Optional("cluster_type", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"VirtualMachine", "BareMetal", "ARM64"}))
            .Default(Value::String("VirtualMachine")));
  b.Add(Attr::Optional("description", Type::String()).Check(checks::StringLength(0, 200)));
  b.Add(Attr::OptionalComputed("billing_mode", Type::Number()).ForceNew());
  b.Add(Attr::Optional("extend_param", Type::Map(Type::String())).ForceNew());
  b.Add(Attr::Required("vpc_id", Type::String()).ForceNew());
  b.Add(Attr::Required("subnet_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("highway_subnet_id", Type::String()).ForceNew());
  b.Add(Attr::Required("container_network_type", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"overlay_l2", "underlay_ipvlan", "vpc-router", "eni"})));
  b.Add(Attr::OptionalComputed("container_network_cidr", Type::String())
            .ForceNew()
            .Check(checks::Cidr()));
  b.Add(Attr::Optional("eni_subnet_id", Type::String()).ForceNew());
  b.Add(Attr::OptionalComputed("service_network_cidr", Type::String())
            .ForceNew()
            .Check(checks::Cidr()));
  b.Add(Attr::Optional("authentication_mode", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"rbac", "x509", "authenticating_proxy"}))
            .Default(Value::String("rbac")));
  b.Add(Attr::Optional("authenticating_proxy_ca", Type::String()).ForceNew());
  b.Add(Attr::Optional("multi_az", Type::Bool()).ForceNew());
  b.Add(Attr::Optional("eip", Type::String()).Check(checks::IpAddress()));
  b.Add(Attr::OptionalComputed("kube_proxy_mode", Type::String())
            .ForceNew()
            .Check(checks::OneOf({"iptables", "ipvs"})));
  b.Add(Attr::OptionalComputed("enterprise_project_id", Type::String()).ForceNew());
  b.Add(Attr::Optional("tags", Type::Map(Type::String())));
  b.Add(Attr::Computed("id", Type::String()));
  b.Add(Attr::Computed("status", Type::String()));
  b.Add(Attr::Computed("security_group_id", Type::String()));
  b.Add(Attr::Computed("kube_config_raw", Type::String()).Sensitive());
  b.Add(Attr::Computed("certificate_clusters", Type::List(CertificateClusterType())));
  b.Add(Attr::Computed("certificate_users", Type::List(CertificateUserType())).Sensitive());
  b.AddBlock("masters", Nesting::kList, std::move(masters), 0, 3);
  return Schema{std::move(b)};
}

// Certificate material: stable for a cluster (derived from its id), never real keys.
std::string CertificateData(const std::string& cluster_id, std::string_view what) {
  std::string pem = "-----BEGIN " + std::string(what) + "-----\n" +
                    crypto::Base64Encode(crypto::Sha256Hex(std::string(what) + ":" + cluster_id)) +
                    "\n-----END " + std::string(what) + "-----\n";
  return crypto::Base64Encode(pem);
}

struct Endpoint {
  std::string name;
  std::string server;
};

std::vector<Endpoint> Endpoints(const std::string& master_ip, const std::string& eip) {
  std::vector<Endpoint> out = {{"internalCluster", "https://" + master_ip + ":5443"}};
  if (!eip.empty()) out.push_back({"externalCluster", "https://" + eip + ":5443"});
  return out;
}

// A kubeconfig as the real service returns it (JSON, one context per endpoint).
std::string KubeConfig(const std::string& cluster_id, const std::vector<Endpoint>& endpoints) {
  boost::json::array clusters, contexts;
  for (const auto& e : endpoints) {
    clusters.push_back(boost::json::object{
        {"name", e.name},
        {"cluster", boost::json::object{{"server", e.server},
                                        {"certificate-authority-data",
                                         CertificateData(cluster_id, "CERTIFICATE")}}}});
    std::string context = e.name == "internalCluster" ? "internal" : "external";
    contexts.push_back(boost::json::object{
        {"name", context},
        {"context", boost::json::object{{"cluster", e.name}, {"user", "user"}}}});
  }
  boost::json::object config{
      {"kind", "Config"},
      {"apiVersion", "v1"},
      {"preferences", boost::json::object{}},
      {"clusters", clusters},
      {"users", boost::json::array{boost::json::object{
                    {"name", "user"},
                    {"user", boost::json::object{
                                 {"client-certificate-data",
                                  CertificateData(cluster_id, "CLIENT CERTIFICATE")},
                                 {"client-key-data",
                                  CertificateData(cluster_id, "RSA PRIVATE KEY")}}}}}},
      {"contexts", contexts},
      {"current-context", endpoints.size() > 1 ? "external" : "internal"}};
  return boost::json::serialize(config);
}

// The attributes derived from the cluster's id, master address and EIP.
Value WithCredentials(const Value& v, const std::string& master_ip) {
  const std::string id = GetString(v, "id");
  const auto endpoints = Endpoints(master_ip, GetString(v, "eip"));
  std::vector<Value> clusters;
  for (const auto& e : endpoints) {
    clusters.push_back(Value::Object(
        {{"name", Value::String(e.name)},
         {"server", Value::String(e.server)},
         {"certificate_authority_data", Value::String(CertificateData(id, "CERTIFICATE"))}}));
  }
  Value user = Value::Object(
      {{"name", Value::String("user")},
       {"client_certificate_data", Value::String(CertificateData(id, "CLIENT CERTIFICATE"))},
       {"client_key_data", Value::String(CertificateData(id, "RSA PRIVATE KEY"))}});
  return WithAttrs(
      v, {{"kube_config_raw", Value::String(KubeConfig(id, endpoints))},
          {"certificate_clusters", Value::List(CertificateClusterType(), std::move(clusters))},
          {"certificate_users", Value::List(CertificateUserType(), {user})}});
}

Status CheckSpec(const Value& v) {
  if (GetString(v, "container_network_type") == "eni" && v.Get("eni_subnet_id") &&
      v.Get("eni_subnet_id")->IsKnown() && v.Get("eni_subnet_id")->IsNull()) {
    return InvalidArgument("eni_subnet_id is required when container_network_type is \"eni\"");
  }
  if (GetBool(v, "multi_az", false) &&
      !GetString(v, "flavor_id").starts_with("cce.s2") &&
      !GetString(v, "flavor_id").starts_with("cce.t2")) {
    return InvalidArgument("multi_az needs a high-availability flavor (cce.s2.* or cce.t2.*)");
  }
  const auto container = ParseIpv4Cidr(GetString(v, "container_network_cidr"));
  const auto service = ParseIpv4Cidr(GetString(v, "service_network_cidr"));
  if (container && service && container->Overlaps(*service)) {
    return InvalidArgument("container_network_cidr and service_network_cidr overlap");
  }
  return Status::Ok();
}

class CceClusterType final : public ResourceType {
 public:
  CceClusterType() : schema_(MakeSchema()) {}

  std::string_view name() const override { return "huaweicloud_cce_cluster"; }
  const Schema& schema() const override { return schema_; }

  void ValidateConfig(const Value& config, std::string_view address,
                      hcl::Diagnostics& diags) const override {
    database::ReportConfigCheck(CheckSpec(config), "CCE cluster", address, diags);
  }

  Result<Value> Create(CallContext& ctx, const Value& planned) const override {
    Value state = WithAttrs(
        planned,
        {{"container_network_cidr",
          StringOr(planned, "container_network_cidr", kDefaultContainerCidr)},
         {"service_network_cidr",
          StringOr(planned, "service_network_cidr", kDefaultServiceCidr)}});
    FW_RETURN_IF_ERROR(CheckSpec(state));
    const std::string name = GetString(planned, "name");
    std::string master_ip, subnet_id;
    std::unique_lock<std::mutex> address_lock;
    FW_ASSIGN_OR_RETURN(auto earlier, CreatedEarlier(ctx, database::kCceClusterType));
    const bool retry = earlier.has_value();
    if (!retry) {
      FW_ASSIGN_OR_RETURN(auto subnet,
                          RequireSubnetInVpc(ctx, GetString(planned, "vpc_id"),
                                                       GetString(planned, "subnet_id")));
      FW_RETURN_IF_ERROR(CheckNetworks(state, subnet));
      if (std::string eni = GetString(planned, "eni_subnet_id"); !eni.empty()) {
        FW_RETURN_IF_ERROR(
            RequireSubnetInVpc(ctx, GetString(planned, "vpc_id"), eni).status());
      }
      FW_ASSIGN_OR_RETURN(auto items,
                          ctx.cloud.inventory->List(ctx.project_id, database::kCceClusterType));
      for (const auto& i : items) {
        if (i.name == name) {
          return AlreadyExists("A CCE cluster named " + name + " already exists (" + i.id + ").",
                               "CCE.01400005");
        }
      }
      address_lock = AddressLock();
      subnet_id = subnet.id;
      FW_ASSIGN_OR_RETURN(master_ip, database::AllocatePrivateIp(ctx, subnet, ""));
    }
    const std::string id = NewUuid();
    state = WithAttrs(
        state,
        {{"id", Value::String(id)},
         {"region", StringOr(planned, "region", ctx.region)},
         {"status", Value::String("Available")},
         {"cluster_version", StringOr(planned, "cluster_version", kDefaultVersion)},
         {"billing_mode", Value::Int(GetInt(planned, "billing_mode").value_or(0))},
         {"kube_proxy_mode", StringOr(planned, "kube_proxy_mode", "iptables")},
         {"enterprise_project_id", StringOr(planned, "enterprise_project_id", "0")},
         {"security_group_id", Value::String(NewUuid())}});
    state = NoUnknowns(WithCredentials(state, master_ip));
    FW_ASSIGN_OR_RETURN(auto body, StateToBody(schema_, state));
    body["_master_ip"] = master_ip;
    RecordPort(body, subnet_id, master_ip);
    FW_ASSIGN_OR_RETURN(auto item, CreateItem(ctx, database::kCceClusterType, id, name,
                                                        std::move(body), kCreateTime));
    address_lock = {};
    FW_RETURN_IF_ERROR(ctx.WaitUntil(item.ready_at));
    return StateOf(ctx, item, planned);
  }

  Result<Value> Update(CallContext& ctx, const Value& prior, const Value& planned) const override {
    FW_ASSIGN_OR_RETURN(auto item,
                        RequireInProject(ctx, database::kCceClusterType,
                                                   GetString(prior, "id"), "CCE cluster"));
    const auto* master = item.body.if_contains("_master_ip");
    const std::string master_ip = master && master->is_string() ? master->as_string().c_str() : "";
    Value state = NoUnknowns(WithCredentials(FillUnknownsFrom(planned, prior), master_ip));
    FW_ASSIGN_OR_RETURN(auto body, StateToBody(schema_, state));
    KeepPrivateFields(item.body, body);
    item.body = std::move(body);
    FW_ASSIGN_OR_RETURN(auto updated, ctx.cloud.inventory->Update(item));
    return StateOf(ctx, updated, planned);
  }

  Status Delete(CallContext& ctx, const Value& state) const override {
    const std::string id = GetString(state, "id");
    FW_ASSIGN_OR_RETURN(auto nodes, database::CceChildren(ctx, database::kCceNodeType, id));
    FW_ASSIGN_OR_RETURN(auto pools, database::CceChildren(ctx, database::kCceNodePoolType, id));
    if (!nodes.empty() || !pools.empty()) {
      return FailedPrecondition("CCE cluster " + id + " still has " +
                                    std::to_string(nodes.size()) + " node(s) and " +
                                    std::to_string(pools.size()) +
                                    " node pool(s); delete them first.",
                                "CCE.01400007");
    }
    return ctx.cloud.inventory->Delete(database::kCceClusterType, id, GetString(state, "name"));
  }

  Result<std::optional<Value>> Read(CallContext& ctx, const Value& state) const override {
    FW_ASSIGN_OR_RETURN(auto item, FindInProject(ctx, database::kCceClusterType,
                                                           GetString(state, "id")));
    if (!item) return std::optional<Value>();
    FW_ASSIGN_OR_RETURN(Value v, StateOf(ctx, *item, state));
    return std::optional<Value>(std::move(v));
  }

 private:
  // The container and service networks must not overlap the VPC.
  static Status CheckNetworks(const Value& v, const SubnetRef& subnet) {
    for (const char* attr : {"container_network_cidr", "service_network_cidr"}) {
      if (std::string(attr) == "container_network_cidr" &&
          GetString(v, "container_network_type") == "eni") {
        continue;  // ENI containers take addresses from the ENI subnet
      }
      auto cidr = ParseIpv4Cidr(GetString(v, attr));
      if (cidr && cidr->Overlaps(subnet.vpc_cidr)) {
        return InvalidArgument(std::string(attr) + " " + GetString(v, attr) +
                                   " overlaps the VPC's CIDR block " +
                                   FormatIpv4Cidr(subnet.vpc_cidr) + ".",
                               "CCE.01400001");
      }
    }
    return Status::Ok();
  }

  Result<Value> StateOf(const CallContext& ctx, const cloud::InventoryItem& item,
                        const Value& prior) const {
    FW_ASSIGN_OR_RETURN(Value v, StateFromBody(schema_, item.body, prior));
    const auto* master = item.body.if_contains("_master_ip");
    v = WithCredentials(v, master && master->is_string() ? master->as_string().c_str() : "");
    if (InProgress(ctx, item)) {
      v = WithAttrs(v, {{"status", Value::String("Creating")}});
    }
    return v;
  }

  Schema schema_;
};

}  // namespace

std::unique_ptr<ResourceType> NewCceClusterType() { return std::make_unique<CceClusterType>(); }

}  // namespace fw::providers
