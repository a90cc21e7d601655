// StackService: stack changes (create, update, deploy, continue, delete) and the shared parts.
// Reads are in stack_reads.cc, execution plans and template analysis in plan_service.cc.
#include "stacks/stack_service.h"

#include <cctype>

#include "archive/zip_writer.h"
#include "base/ids.h"
#if __has_include("providers/compute/obs_objects.h")
#include "providers/compute/obs_objects.h"
#define FW_STACKS_HAVE_OBS 1
#else
#define FW_STACKS_HAVE_OBS 0
#endif
#include "stacks/names.h"
#include "stacks/service_internal.h"
#include "stacks/stack_status.h"

namespace fw::stacks {

namespace json = boost::json;

std::string JobPayload(const std::string& stack_id, std::string_view key, const std::string& id) {
  return json::serialize(json::object{{"stack_id", stack_id}, {key, id}});
}

std::string StackJobKey(const std::string& stack_id) { return "stack:" + stack_id; }

Result<store::StackRecord> FindStack(store::Repositories& r, const StackRef& ref) {
  FW_ASSIGN_OR_RETURN(std::optional<store::StackRecord> stack,
                      r.stacks().FindStack(ref.project_id, ref.stack_name));
  if (!stack) {
    return NotFound("the stack " + ref.stack_name + " does not exist", "RF.10013001");
  }
  if (ref.stack_id && *ref.stack_id != stack->id) {
    return InvalidArgument("stack_id " + *ref.stack_id + " is not the id of the stack " +
                               ref.stack_name, "RF.10011015");
  }
  return *std::move(stack);
}

std::set<std::string> SensitiveVariables(const std::string& template_json) {
  std::set<std::string> out;
  std::map<std::string, std::string> files = FilesFromJson(template_json);
  if (files.empty()) return out;
  config::LoadResult loaded = config::LoadConfigFromFiles(files);
  if (!loaded.config || !loaded.config->module) return out;
  for (const auto& [name, v] : loaded.config->module->variables) {
    if (v.sensitive) out.insert(name);
  }
  return out;
}

std::string AgenciesToJson(const std::vector<Agency>& agencies) {
  json::array a;
  for (const Agency& ag : agencies) {
    json::object o{{"provider_name", ag.provider_name}};
    if (!ag.agency_name.empty()) o["agency_name"] = ag.agency_name;
    if (!ag.agency_urn.empty()) o["agency_urn"] = ag.agency_urn;
    a.push_back(std::move(o));
  }
  return json::serialize(a);
}

std::vector<Agency> AgenciesFromJson(const std::string& text) {
  std::vector<Agency> out;
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const json::value& item : v.as_array()) {
    if (!item.is_object()) continue;
    const json::object& o = item.as_object();
    Agency a;
    auto str = [&](std::string_view k) {
      const json::value* f = o.if_contains(k);
      return f && f->is_string() ? std::string(f->as_string()) : std::string();
    };
    a.provider_name = str("provider_name");
    a.agency_name = str("agency_name");
    a.agency_urn = str("agency_urn");
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::string> StartDeployment(store::Repositories& r, store::StackRecord& stack,
                                    std::string_view kind, std::string_view job_kind,
                                    const std::string& template_json, const std::string& vars_json,
                                    const std::string& execution_plan_id, TimePoint now) {
  store::DeploymentRecord d;
  d.id = NewUuid();
  d.stack_id = stack.id;
  d.kind = std::string(kind);
  d.status = std::string(kDeploymentInProgress);
  d.template_json = template_json;
  d.vars_json = vars_json;
  d.execution_plan_id = execution_plan_id;
  d.started_at = now;
  store::NewJob job;
  job.kind = std::string(job_kind);
  job.resource_key = StackJobKey(stack.id);
  job.payload = JobPayload(stack.id, "deployment_id", d.id);
  job.run_after = now;
  FW_ASSIGN_OR_RETURN(d.job_id, r.jobs().Enqueue(job, now));
  FW_RETURN_IF_ERROR(r.stacks().InsertDeployment(d));
  StackStatus status = kind == kKindRollback ? StackStatus::kRollbackInProgress
                       : (kind == kKindDelete || kind == kKindDeleteRetain)
                           ? StackStatus::kDeletionInProgress
                           : StackStatus::kDeploymentInProgress;
  stack.status = std::string(StackStatusName(status));
  stack.status_message.clear();
  if (kind == kKindDeploy || kind == kKindRollback) stack.current_deployment_id = d.id;
  return d.id;
}

// ---- Impl -------------------------------------------------------------------------------------

namespace {

std::string PercentDecode(std::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size() && std::isxdigit(static_cast<unsigned char>(in[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(in.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(in[i]);
    }
  }
  return out;
}

}  // namespace

Result<TemplateDownload> StackService::Impl::ReadUrl(const std::string& project_id,
                                                     const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return InvalidArgument("not an http(s) link");
  size_t path_start = url.find('/', scheme + 3);
  std::string host = url.substr(scheme + 3, path_start == std::string::npos
                                                ? std::string::npos
                                                : path_start - scheme - 3);
  host = host.substr(0, host.find(':'));
  std::string path = path_start == std::string::npos ? "/" : url.substr(path_start);
  path = path.substr(0, path.find_first_of("?#"));
  // Formwork's own links: <scheme>://<host>/_formwork/downloads/<token>/<file>.
  if (path.rfind(kDownloadPathPrefix, 0) == 0) {
    std::string rest = path.substr(kDownloadPathPrefix.size());
    return RedeemToken(rest.substr(0, rest.find('/')));
  }
#if FW_STACKS_HAVE_OBS
  // Objects of the simulated OBS.
  std::string bucket, key;
  size_t obs = host.find(".obs.");
  if (obs != std::string::npos && obs > 0) {
    bucket = host.substr(0, obs);
    key = PercentDecode(path.substr(1));
  } else if (host.rfind("obs.", 0) == 0) {
    std::string rest = path.substr(1);
    size_t slash = rest.find('/');
    if (slash != std::string::npos) {
      bucket = rest.substr(0, slash);
      key = PercentDecode(rest.substr(slash + 1));
    }
  }
  if (!bucket.empty() && !key.empty()) {
    if (inventory == nullptr) return InvalidArgument("the simulated OBS is not available here");
    auto bytes = providers::compute::ReadObsObject(*inventory, project_id, bucket, key);
    if (!bytes.ok()) {
      return InvalidArgument("the OBS object " + bucket + "/" + key + " cannot be read: " +
                             bytes.status().message());
    }
    std::string name = key.substr(key.rfind('/') == std::string::npos ? 0 : key.rfind('/') + 1);
    return TemplateDownload{name, *std::move(bytes)};
  }
#else
  (void)project_id;
  (void)PercentDecode;
#endif
  return InvalidArgument(
      "Formwork reads template and vars links only from objects of its simulated OBS "
      "(https://<bucket>.obs.<region>.myhuaweicloud.com/<key>) and its own download links (" +
      std::string(kDownloadPathPrefix) + "...); nothing is fetched from the network");
}

Result<TemplateDownload> StackService::Impl::RedeemToken(const std::string& token) {
  FW_ASSIGN_OR_RETURN(DownloadGrant grant, tokens.Verify(token, Now()));
  std::optional<store::DeploymentRecord> deployment;
  FW_RETURN_IF_ERROR(store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(deployment, r.stacks().GetDeployment(grant.deployment_id));
    return Status::Ok();
  }));
  if (!deployment || deployment->stack_id != grant.stack_id) {
    return NotFound("the template behind this link no longer exists", "RF.10013023");
  }
  std::map<std::string, std::string> files = FilesFromJson(deployment->template_json);
  if (files.size() > 1 && grant.file_name == kTemplateZipName) {
    FW_ASSIGN_OR_RETURN(std::string zip, archive::WriteZip(files, archive::ZipMethod::kDeflated));
    return TemplateDownload{grant.file_name, std::move(zip)};
  }
  auto it = files.find(grant.file_name);
  if (it == files.end()) {
    return NotFound("the template behind this link no longer exists", "RF.10013023");
  }
  return TemplateDownload{it->first, it->second};
}

Result<store::StackRecord> StackService::Impl::Snapshot(const StackRef& ref) {
  std::optional<store::StackRecord> out;
  FW_RETURN_IF_ERROR(store.Read([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(out, FindStack(r, ref));
    return Status::Ok();
  }));
  return *std::move(out);
}

Status StackService::Impl::CommitStackChange(
    const store::StackRecord& snapshot,
    const std::function<Status(store::Repositories&, store::StackRecord&)>& write) {
  return store.Write([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(std::optional<store::StackRecord> current,
                        r.stacks().GetStack(snapshot.id));
    if (!current) {
      return NotFound("the stack " + snapshot.name + " does not exist", "RF.10013001");
    }
    if (current->version != snapshot.version) {
      return Conflict("another request is being processed on the stack " + snapshot.name,
                      "RF.10013503");
    }
    store::StackRecord next = *current;
    FW_RETURN_IF_ERROR(write(r, next));
    next.version = current->version + 1;
    next.updated_at = Now();
    Status st = r.stacks().UpdateStack(next);
    if (st.code() == ErrorCode::kConflict) {
      return Conflict("another request is being processed on the stack " + snapshot.name,
                      "RF.10013503");
    }
    return st;
  });
}

// ---- StackService -----------------------------------------------------------------------------

StackService::StackService(store::Store& store, const Clock& clock, cloud::Inventory* inventory,
                           StackServiceOptions options)
    : impl_(new Impl{store, clock, inventory, options, DownloadTokens()}) {}

StackService::~StackService() = default;

Result<CreateStackResponse> StackService::CreateStack(const CreateStackRequest& req) {
  FW_RETURN_IF_ERROR(ValidateName("stack_name", req.stack_name));
  FW_RETURN_IF_ERROR(ValidateDescription(req.description));
  FW_RETURN_IF_ERROR(ValidateAgencies(req.agencies));
  FW_ASSIGN_OR_RETURN(ResolvedInput input,
                      ResolveTemplateInput(req.input, TemplateRequirement::kOptional,
                                           impl_->Reader(req.project_id)));
  if (req.enable_auto_rollback && !input.files.empty()) {
    FW_ASSIGN_OR_RETURN(auto config, LoadTemplate(input.files));
    if (config->module && !config->module->imports.empty()) {
      return InvalidArgument("enable_auto_rollback cannot be used with a template that imports "
                             "resources", "RF.10011028");
    }
  }
  TimePoint now = impl_->Now();
  store::StackRecord stack;
  stack.id = NewUuid();
  stack.project_id = req.project_id;
  stack.name = req.stack_name;
  stack.description = req.description;
  stack.status = std::string(StackStatusName(StackStatus::kCreationComplete));
  stack.enable_deletion_protection = req.enable_deletion_protection;
  stack.enable_auto_rollback = req.enable_auto_rollback;
  stack.agencies_json = AgenciesToJson(req.agencies);
  stack.state_lineage = NewUuid();
  stack.version = 1;
  stack.created_at = stack.updated_at = now;
  CreateStackResponse response;
  response.stack_id = stack.id;
  Status st = impl_->store.Write([&](store::Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(int64_t count, r.stacks().CountStacks(req.project_id));
    if (count >= impl_->options.max_stacks_per_project) {
      return PermissionDenied("the project has reached its quota of " +
                                  std::to_string(impl_->options.max_stacks_per_project) +
                                  " stacks", "RF.10012538");
    }
    FW_ASSIGN_OR_RETURN(auto existing, r.stacks().FindStack(req.project_id, req.stack_name));
    if (existing) {
      return AlreadyExists("the stack " + req.stack_name + " already exists", "RF.10013502");
    }
    if (!input.files.empty()) {
      FW_ASSIGN_OR_RETURN(response.deployment_id,
                          StartDeployment(r, stack, kKindDeploy, kJobDeploy,
                                          FilesToJson(input.files), input.vars_json, "", now));
    }
    Status ins = r.stacks().InsertStack(stack);
    if (ins.code() == ErrorCode::kAlreadyExists) {
      return AlreadyExists("the stack " + req.stack_name + " already exists", "RF.10013502");
    }
    return ins;
  });
  if (!st.ok()) return st;
  impl_->JobQueued();
  return response;
}

Status StackService::UpdateStack(const UpdateStackRequest& req) {
  if (!req.description && !req.enable_deletion_protection && !req.enable_auto_rollback &&
      !req.agencies) {
    return InvalidArgument("nothing to update", "RF.10011084");
  }
  if (req.description) FW_RETURN_IF_ERROR(ValidateDescription(*req.description));
  if (req.agencies) FW_RETURN_IF_ERROR(ValidateAgencies(*req.agencies));
  FW_ASSIGN_OR_RETURN(store::StackRecord snapshot, impl_->Snapshot(req.stack));
  StackStatus status =
      ParseStackStatus(snapshot.status).value_or(StackStatus::kDeploymentFailed);
  FW_RETURN_IF_ERROR(CheckAllowed(status, StackOperation::kUpdate));
  if (req.enable_auto_rollback && *req.enable_auto_rollback && !snapshot.enable_auto_rollback) {
    FW_RETURN_IF_ERROR(CheckAllowed(status, StackOperation::kEnableAutoRollback));
  }
  return impl_->CommitStackChange(snapshot, [&](store::Repositories&, store::StackRecord& s) {
    if (req.description) s.description = *req.description;
    if (req.enable_deletion_protection) s.enable_deletion_protection = *req.enable_deletion_protection;
    if (req.enable_auto_rollback) s.enable_auto_rollback = *req.enable_auto_rollback;
    if (req.agencies) s.agencies_json = AgenciesToJson(*req.agencies);
    return Status::Ok();
  });
}

Result<DeploymentStarted> StackService::DeployStack(const DeployStackRequest& req) {
  FW_ASSIGN_OR_RETURN(store::StackRecord snapshot, impl_->Snapshot(req.stack));
  FW_RETURN_IF_ERROR(CheckAllowed(
      ParseStackStatus(snapshot.status).value_or(StackStatus::kDeploymentFailed),
      StackOperation::kDeploy));
  FW_ASSIGN_OR_RETURN(ResolvedInput input,
                      ResolveTemplateInput(req.input, TemplateRequirement::kRequired,
                                           impl_->Reader(req.stack.project_id)));
  DeploymentStarted out;
  FW_RETURN_IF_ERROR(impl_->CommitStackChange(
      snapshot, [&](store::Repositories& r, store::StackRecord& s) -> Status {
        FW_ASSIGN_OR_RETURN(out.deployment_id,
                            StartDeployment(r, s, kKindDeploy, kJobDeploy,
                                            FilesToJson(input.files), input.vars_json, "",
                                            impl_->Now()));
        return Status::Ok();
      }));
  impl_->JobQueued();
  return out;
}

Result<DeploymentStarted> StackService::ContinueDeployStack(const StackRef& ref) {
  FW_ASSIGN_OR_RETURN(store::StackRecord snapshot, impl_->Snapshot(ref));
  FW_RETURN_IF_ERROR(CheckAllowed(
      ParseStackStatus(snapshot.status).value_or(StackStatus::kDeploymentFailed),
      StackOperation::kContinueDeploy));
  DeploymentStarted out;
  FW_RETURN_IF_ERROR(impl_->CommitStackChange(
      snapshot, [&](store::Repositories& r, store::StackRecord& s) -> Status {
        FW_ASSIGN_OR_RETURN(auto failed, r.stacks().GetDeployment(s.current_deployment_id));
        if (!failed) return Internal("the failed deployment of " + s.name + " is missing");
        FW_ASSIGN_OR_RETURN(out.deployment_id,
                            StartDeployment(r, s, kKindDeploy, kJobDeploy, failed->template_json,
                                            failed->vars_json, "", impl_->Now()));
        return Status::Ok();
      }));
  impl_->JobQueued();
  return out;
}

Result<DeploymentStarted> StackService::ContinueRollbackStack(const StackRef& ref) {
  FW_ASSIGN_OR_RETURN(store::StackRecord snapshot, impl_->Snapshot(ref));
  FW_RETURN_IF_ERROR(CheckAllowed(
      ParseStackStatus(snapshot.status).value_or(StackStatus::kDeploymentFailed),
      StackOperation::kContinueRollback));
  DeploymentStarted out;
  FW_RETURN_IF_ERROR(impl_->CommitStackChange(
      snapshot, [&](store::Repositories& r, store::StackRecord& s) -> Status {
        FW_ASSIGN_OR_RETURN(auto failed, r.stacks().GetDeployment(s.current_deployment_id));
        if (!failed) return Internal("the failed rollback of " + s.name + " is missing");
        FW_ASSIGN_OR_RETURN(out.deployment_id,
                            StartDeployment(r, s, kKindRollback, kJobRollback,
                                            failed->template_json, failed->vars_json, "",
                                            impl_->Now()));
        return Status::Ok();
      }));
  impl_->JobQueued();
  return out;
}

Status StackService::DeleteStack(const DeleteStackRequest& req) {
  FW_ASSIGN_OR_RETURN(store::StackRecord snapshot, impl_->Snapshot(req.stack));
  FW_RETURN_IF_ERROR(CheckAllowed(
      ParseStackStatus(snapshot.status).value_or(StackStatus::kDeploymentFailed),
      StackOperation::kDelete));
  if (snapshot.enable_deletion_protection) {
    return PermissionDenied("the stack " + snapshot.name + " has deletion protection enabled",
                            "RF.10012544");
  }
  Status st = impl_->CommitStackChange(
      snapshot, [&](store::Repositories& r, store::StackRecord& s) -> Status {
        // The template and vars of the current deployment: a destroy needs the provider
        // configuration and the variables it refers to.
        std::string template_json = "{}", vars_json = "{}";
        if (!s.current_deployment_id.empty()) {
          FW_ASSIGN_OR_RETURN(auto current, r.stacks().GetDeployment(s.current_deployment_id));
          if (current) {
            template_json = current->template_json;
            vars_json = current->vars_json;
          }
        }
        FW_ASSIGN_OR_RETURN(std::string id,
                            StartDeployment(r, s,
                                            req.retain_all_resources ? kKindDeleteRetain
                                                                     : kKindDelete,
                                            kJobDelete, template_json, vars_json, "",
                                            impl_->Now()));
        (void)id;
        return Status::Ok();
      });
  if (st.ok()) impl_->JobQueued();
  return st;
}

}  // namespace fw::stacks
