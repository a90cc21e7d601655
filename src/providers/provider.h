// Resource and data-source types: what the engine calls to plan and make changes in the
// simulated cloud. One file per type (src/providers/<service>/<type>.cc), registered by its
// family's Register* function in registry.cc.
//
// Values: a type receives and returns one object value conforming to its schema's implied type
// (schema.h), with marks removed. `planned` (from Plan) holds the configuration's values and
// unknowns for what only the cloud can tell ("known after apply"); Create/Update return the new
// state with every attribute known. Ids follow the real cloud's formats.
//
// Idempotency: CallContext::idempotency_key is stable across retries of the same change (the
// engine derives it from the deployment and the instance address). Create must pass it to the
// cloud as the client token (cloud::NewItem::client_token, ClusterService::Create) so a retry
// after a crash finds the resource the first attempt made. Delete of a resource that is already
// gone succeeds.
//
// Errors: Create/Update/Delete/Read return a Status whose message is shown to the user as the
// resource's failure ("Error creating VPC: ..."); value checks become diagnostics at plan time.
//
// Thread-safety: types are immutable and called from many engine workers at once.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "cloud/cdm/cluster_service.h"
#include "cloud/inventory.h"
#include "hcl/diagnostics.h"
#include "hcl/functions/file_source.h"
#include "hcl/value.h"
#include "providers/schema.h"

namespace fw::providers {

// The simulated cloud a deployment works against.
struct CloudServices {
  cloud::Inventory* inventory = nullptr;
  cloud::cdm::ClusterService* cdm = nullptr;
  const cloud::Provisioning* provisioning = nullptr;
};

struct CallContext {
  CloudServices cloud;
  std::string project_id;
  std::string region;      // the project's region ("cn-north-4")
  std::string address;     // the instance address, for messages ("huaweicloud_vpc.main[0]")
  std::string idempotency_key;
  // Set by the engine when the deployment is being stopped; long waits should give up.
  const std::atomic<bool>* cancelled = nullptr;
  // The configuration's files (config::Config::files), for arguments that name a local file
  // (huaweicloud_obs_bucket_object's `source`), with paths relative to the root module's
  // directory: the disk for the CLI, only the template's own files for an RFS stack. Types read
  // files only through it, never the disk directly. Null: no files at all.
  const hcl::FileSource* files = nullptr;

  TimePoint Now() const { return cloud.provisioning->Now(); }
  // Blocks until the clock reaches `ready_at` (at once at time scale 0), like the real
  // provider's wait-for-status loop. kUnavailable when cancelled first.
  Status WaitUntil(TimePoint ready_at) const;
};

class ResourceType {
 public:
  virtual ~ResourceType() = default;
  virtual std::string_view name() const = 0;  // "huaweicloud_vpc"
  virtual const Schema& schema() const = 0;

  // Checks beyond the schema's per-attribute checks (combinations, references to other cloud
  // resources are checked in Create instead). `config` may hold unknowns: check known parts.
  virtual void ValidateConfig(const hcl::Value& config, std::string_view address,
                              hcl::Diagnostics& diags) const {}

  // The planned new state. `prior` is null on create. The default (PlanFromSchema) takes the
  // configuration's values, the documented defaults, and for computed attributes the prior
  // value (on update) or unknown.
  virtual hcl::Value Plan(const hcl::Value& prior, const hcl::Value& config) const;

  virtual Result<hcl::Value> Create(CallContext& ctx, const hcl::Value& planned) const = 0;
  // Only called for changes that touch no force-new attribute. The default returns `planned`
  // with its unknowns filled from `prior` (for types whose updates the cloud just records).
  virtual Result<hcl::Value> Update(CallContext& ctx, const hcl::Value& prior,
                                    const hcl::Value& planned) const;
  virtual Status Delete(CallContext& ctx, const hcl::Value& state) const = 0;
  // The resource as the cloud has it now (refresh); nullopt when it is gone.
  virtual Result<std::optional<hcl::Value>> Read(CallContext& ctx,
                                                 const hcl::Value& state) const = 0;
};

class DataSourceType {
 public:
  virtual ~DataSourceType() = default;
  virtual std::string_view name() const = 0;  // "huaweicloud_vpcs"
  virtual const Schema& schema() const = 0;
  // `config` is wholly known (the engine defers reads whose configuration is not).
  virtual Result<hcl::Value> Read(CallContext& ctx, const hcl::Value& config) const = 0;
};

// The schema-driven default planning (see ResourceType::Plan).
hcl::Value PlanFromSchema(const Schema& schema, const hcl::Value& prior, const hcl::Value& config);
// `planned` with every unknown replaced by prior's value at the same place (null when none).
hcl::Value FillUnknownsFrom(const hcl::Value& planned, const hcl::Value& prior);
// Applies the schema's attribute checks to the known parts of `config`; errors name the
// attribute ("Invalid value for cidr: ...").
void CheckAttributes(const Schema& schema, const hcl::Value& config, std::string_view address,
                     hcl::Diagnostics& diags);

class Registry {
 public:
  // Every type Formwork simulates.
  static const Registry& Builtin();

  void Add(std::unique_ptr<ResourceType> type);
  void Add(std::unique_ptr<DataSourceType> type);
  const ResourceType* FindResource(std::string_view name) const;
  const DataSourceType* FindDataSource(std::string_view name) const;
  std::vector<std::string> ResourceNames() const;    // sorted
  std::vector<std::string> DataSourceNames() const;  // sorted

 private:
  std::vector<std::unique_ptr<ResourceType>> resources_;
  std::vector<std::unique_ptr<DataSourceType>> data_sources_;
};

// Families, one per source folder; each adds its types (registry.cc calls them all).
void RegisterNetworkTypes(Registry& r);   // network/: vpc, subnet, secgroup, eip, nat, elb
void RegisterComputeTypes(Registry& r);   // compute/: ecs, kps, evs, ims, obs, sfs
void RegisterDatabaseTypes(Registry& r);  // database/: rds, dcs, cce, cdm
void RegisterUtilityTypes(Registry& r);   // utility/: random_*, null_resource, terraform_data, time_*

}  // namespace fw::providers
