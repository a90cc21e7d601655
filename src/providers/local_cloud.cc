#include "providers/local_cloud.h"

#include "base/ids.h"

namespace fw::providers {

Result<std::unique_ptr<LocalCloud>> LocalCloud::Open(const LocalCloudOptions& options) {
  std::unique_ptr<LocalCloud> c(new LocalCloud());
  store::SqliteOptions so;
  so.path = options.db_path;
  so.connections = 2;
  FW_ASSIGN_OR_RETURN(c->store_, store::OpenSqliteStore(so));
  const Clock& clock = options.clock ? *options.clock : SystemClock::Instance();
  c->provisioning_ = std::make_unique<cloud::Provisioning>(clock, options.time_scale);
  c->inventory_ = std::make_unique<cloud::Inventory>(*c->store_, *c->provisioning_, c->faults_);
  c->cdm_ = std::make_unique<cloud::cdm::ClusterService>(*c->store_, *c->provisioning_,
                                                         c->faults_);
  for (const std::string& region : options.regions) {
    FW_RETURN_IF_ERROR(c->ProjectFor(region).status());
  }
  return c;
}

LocalCloud::~LocalCloud() {
  if (store_) store_->Close();
}

Result<std::string> LocalCloud::ProjectFor(const std::string& region) {
  std::lock_guard lock(mu_);
  if (auto it = projects_.find(region); it != projects_.end()) return it->second;
  std::string project_id;
  FW_RETURN_IF_ERROR(store_->Write([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto domains, r.accounts().ListDomains());
    if (domains.empty()) {
      store::DomainRecord d{NewHexId32(), "formwork-local", true, provisioning_->Now()};
      FW_RETURN_IF_ERROR(r.accounts().InsertDomain(d));
      domain_id_ = d.id;
    } else {
      domain_id_ = domains.front().id;
    }
    store::ProjectFilter f;
    f.name = region;
    f.domain_id = domain_id_;
    FW_ASSIGN_OR_RETURN(auto projects, r.accounts().ListProjects(f));
    if (!projects.empty()) {
      project_id = projects.front().id;
      return Status::Ok();
    }
    store::ProjectRecord p{NewHexId32(), domain_id_, region, "", true, provisioning_->Now()};
    FW_RETURN_IF_ERROR(r.accounts().InsertProject(p));
    project_id = p.id;
    return Status::Ok();
  }));
  projects_[region] = project_id;
  return project_id;
}

CloudServices LocalCloud::services() {
  return CloudServices{inventory_.get(), cdm_.get(), provisioning_.get()};
}

Result<CallContext> LocalCloud::Context(const std::string& region, std::string address,
                                        std::string idempotency_key) {
  FW_ASSIGN_OR_RETURN(std::string project, ProjectFor(region));
  CallContext ctx;
  ctx.cloud = services();
  ctx.project_id = std::move(project);
  ctx.region = region;
  ctx.address = std::move(address);
  ctx.idempotency_key = std::move(idempotency_key);
  return ctx;
}

}  // namespace fw::providers
