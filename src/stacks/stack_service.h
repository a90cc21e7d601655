// StackService: the RFS stack domain (spec rfs-api.md §2, §3, §4, §10) behind the HTTP routes of
// src/api/rfs/. It validates a request against the domain rules (names, lengths, the status
// machine of §10.1), writes the stack change and, for the asynchronous operations, a job row in
// ONE store transaction, and answers at once; DeployWorker (deploy_worker.h) runs the jobs with
// the engine. Reads come straight from the store.
//
// Division of labour with the routes: the route decodes JSON (types, unknown fields, required
// fields: RF.10011001/2/32/33/38), checks the caller's project scope, and maps these structs to
// JSON (every field the responses need is here, already in the wire format: times as
// "2024-01-02T03:04:05Z", enums as their spec names). The service checks everything else.
//
// Errors (fw::Status with a service code; api/common/errors.cc maps the ErrorCode to HTTP):
//   every method that names a stack:
//     NotFound            RF.10013001  no stack of that name in the project
//     InvalidArgument     RF.10011015  stack_id given and not the stack of that name
//     Internal            (default)    store failure
//   every method taking a TemplateInput (see ResolveTemplateInput below):
//     InvalidArgument     RF.10011003  both template_body and template_uri
//                         RF.10011056  neither (where a template is required)
//                         RF.10011005  template_body/vars_body > 51200, uri > 2048 characters
//                         RF.10011035  template_uri not http(s) ending .tf/.tf.json/.zip, or not a
//                                      link Formwork can read (an OBS object of the simulated cloud
//                                      or Formwork's own download link; nothing is fetched from
//                                      the network)
//                         RF.10011034  vars_uri not http(s) ending .tfvars / not readable
//                         RF.10011039  bad var_key;  RF.10011005 var_value > 2048; > 100 items
//                         RF.10011093  one variable given twice (vars_structure/vars_body/vars_uri)
//                         RF.10011051  vars_body is not valid tfvars
//                         RF.10011085  template not UTF-8;  RF.10011120 JSON template with a BOM
//                         RF.10011074  the template does not load (the message carries the
//                                      diagnostics: file:line: summary)
//   mutating methods on a stack:
//     Conflict            RF.10013503  another request changed the stack between our read and our
//                                      write (compare-and-set on the stack's version)
//   method-specific codes are listed on each method.
//
// Sensitive values (variables declared `sensitive`, outputs marked sensitive, sensitive resource
// attributes) are stored but never returned: they read "<sensitive>". They never appear in
// messages, events or logs.
//
// Thread-safety: all methods are safe from any thread; they block on the store (call them on the
// blocking pool, never on an I/O thread).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "stacks/download_access.h"
#include "stacks/stack_status.h"

namespace fw::store {
class Store;
}
namespace fw::cloud {
class Inventory;
}

namespace fw::stacks {

// ---------------------------------------------------------------------------------------------
// Shared inputs

struct KmsEncryption {
  std::string id;           // KMS key id (36)
  std::string cipher_text;  // encrypted data key
};

// One `vars_structure` item: a string variable. With `encryption`, var_value is ciphertext that
// Formwork (which has no KMS) stores and passes through unchanged.
struct VarStructure {
  std::string var_key;
  std::string var_value;
  std::optional<KmsEncryption> encryption;
};

struct Agency {
  std::string provider_name;  // 1–128, unique within a stack (RF.10011065)
  std::string agency_name;    // exactly one of agency_name / agency_urn (RF.10011028)
  std::string agency_urn;
};

// template_body | template_uri, and vars_body | vars_uri | vars_structure (§1.8). Absent fields
// are nullopt; an empty vars_structure means none.
struct TemplateInput {
  std::optional<std::string> template_body;
  std::optional<std::string> template_uri;
  std::optional<std::string> vars_body;
  std::optional<std::string> vars_uri;
  std::vector<VarStructure> vars_structure;
};

// Names a stack in a project; `stack_id` is the optional cross-check (RF.10011015).
struct StackRef {
  std::string project_id;
  std::string stack_name;
  std::optional<std::string> stack_id;
};

// Names an execution plan of a stack; `execution_plan_id` is the optional cross-check
// (RF.10011018).
struct PlanRef {
  StackRef stack;
  std::string execution_plan_name;
  std::optional<std::string> execution_plan_id;
};

// Marker pagination (§1.5). `marker` is the opaque next_marker of a previous page of the same
// query; `limit` defaults to 1000 (range checked: ListStacks 10–1000, others 1–1000;
// RF.10011005 / RF.10011006 when out of range; a marker this service did not issue or of another
// query → InvalidArgument RF.10011028).
struct PageRequest {
  std::optional<std::string> marker;
  std::optional<int> limit;
};

struct PageInfo {
  std::optional<std::string> next_marker;  // absent on the last page
  std::optional<std::string> previous_marker;
  int current_count = 0;
};

// ---------------------------------------------------------------------------------------------
// Stacks

struct CreateStackRequest {
  std::string project_id;
  std::string stack_name;  // §1.3: RF.10011010 (characters), RF.10011005/6 (length)
  std::string description;  // 0–1024 (RF.10011005)
  std::vector<Agency> agencies;  // 0–10
  bool enable_deletion_protection = false;
  bool enable_auto_rollback = false;
  TemplateInput input;  // no template: an empty stack in CREATION_COMPLETE
};

struct CreateStackResponse {
  std::string stack_id;
  std::optional<std::string> deployment_id;  // only when a template was given
};

// One item of ListStacks.
struct StackSummary {
  std::string stack_id;
  std::string stack_name;
  std::string description;
  std::string status;          // StackStatusName
  std::string status_message;  // empty unless *_FAILED
  std::string create_time;     // RFC 3339 to the second
  std::string update_time;
};

struct StackList {
  std::vector<StackSummary> stacks;  // newest first
  PageInfo page_info;
};

struct StackMetadata {
  StackSummary summary;
  // As given, except that values of variables the template declares sensitive read
  // "<sensitive>" (vars_structure values, vars_body assignments, vars_uri_content assignments).
  std::vector<VarStructure> vars_structure;
  std::optional<std::string> vars_body;
  std::optional<std::string> vars_uri_content;
  bool enable_deletion_protection = false;
  bool enable_auto_rollback = false;
  std::vector<Agency> agencies;
};

struct UpdateStackRequest {
  StackRef stack;
  std::optional<std::string> description;
  std::optional<bool> enable_deletion_protection;
  std::optional<bool> enable_auto_rollback;
  std::optional<std::vector<Agency>> agencies;  // replaces the whole list
};

struct DeployStackRequest {
  StackRef stack;
  TemplateInput input;  // a template is required
};

struct DeploymentStarted {
  std::string deployment_id;
};

struct DeleteStackRequest {
  StackRef stack;
  bool retain_all_resources = false;  // DeleteStackEnhanced: forget the resources, keep them
};

// ListStackEvents (§2.1).
struct ListEventsRequest {
  StackRef stack;
  std::optional<std::string> deployment_id;  // unknown → NotFound RF.10013001
  std::string filter;  // §1.6; RF.10011087 unknown option, RF.10011088 no valid method,
                       // RF.10011089 invalid value; longer than 512 → RF.10011005
  std::string field;   // comma-separated attribute names; unknown name → RF.10011087;
                       // longer than 128 → RF.10011005
  PageRequest page;
};

// Fields are nullopt when not applicable or not selected by `field`; event_type is always set.
struct StackEvent {
  std::string event_type;  // LOG, ERROR, SUMMARY, DRIFT, CREATION_IN_PROGRESS ... (§10.3)
  std::optional<std::string> event_message;
  std::optional<std::string> resource_type;
  std::optional<std::string> resource_name;
  std::optional<std::string> resource_id_key;    // "id"
  std::optional<std::string> resource_id_value;  // the physical id
  std::optional<std::string> resource_key;       // count index / for_each key
  std::optional<std::string> time;               // RFC 3339 to the second
  std::optional<int64_t> elapsed_seconds;
};

struct EventList {
  std::vector<StackEvent> stack_events;  // newest first
  PageInfo page_info;
};

struct ResourceAttribute {
  std::string key;
  std::string value;  // strings raw, other values as JSON text, sensitive ones "<sensitive>"
};

struct StackResource {
  std::string physical_resource_id;
  std::string physical_resource_name;
  std::string logical_resource_name;  // "huaweicloud_vpc.main" form: type.name (module prefix)
  std::string logical_resource_type;
  std::optional<std::string> index_key;  // count index / for_each key
  std::string resource_status;           // §10.4
  std::string status_message;            // on *_FAILED
  // Absent while the stack is *_IN_PROGRESS (summary fields only).
  std::optional<std::vector<ResourceAttribute>> resource_attributes;
};

struct ResourceList {
  std::vector<StackResource> stack_resources;
  PageInfo page_info;
};

struct StackOutput {
  std::string name;
  std::string description;
  std::string type;   // type expression ("string", "list(string)"); "<sensitive>" if sensitive
  std::string value;  // strings raw, others JSON text; "<sensitive>" if sensitive
  bool sensitive = false;
};

struct OutputList {
  std::vector<StackOutput> outputs;  // empty while *_IN_PROGRESS
  PageInfo page_info;
};

// The template files of the latest deployment that reached a terminal state.
struct StackTemplate {
  std::string deployment_id;
  std::map<std::string, std::string> files;  // "main.tf" → content; a zip's files by path
};

// A short-lived download link's content (GetStackTemplate's 307 target): the template's one
// file, or kTemplateZipName, a zip of all its files, when it has several (a zip template).
struct TemplateDownload {
  std::string file_name;  // "main.tf" / "main.tf.json" / "template.zip"
  std::string content;
};
inline constexpr std::string_view kTemplateZipName = "template.zip";

// The path prefix of Formwork's own download links: the route serves
// GET {kDownloadPathPrefix}{token}/{file_name} by RedeemDownloadToken(token), unauthenticated
// (the token is the credential, like a pre-signed OBS URL). Such links are also accepted as
// template_uri.
inline constexpr std::string_view kDownloadPathPrefix = "/_formwork/downloads/";

// ---------------------------------------------------------------------------------------------
// Execution plans (§3)

struct CreatePlanRequest {
  StackRef stack;
  std::string execution_plan_name;  // §1.3 rules
  std::string description;          // 0–1024
  TemplateInput input;              // a template is required
};

struct CreatePlanResponse {
  std::string execution_plan_id;
};

struct PlanSummary {
  std::string stack_id;
  std::string stack_name;
  std::string execution_plan_id;
  std::string execution_plan_name;
  std::optional<std::string> description;  // absent if never set
  std::string status;                      // §10.5: CREATION_IN_PROGRESS, CREATION_FAILED,
                                           // AVAILABLE, APPLY_IN_PROGRESS, APPLIED
  std::string status_message;              // on CREATION_FAILED
  std::string create_time;
  std::optional<std::string> apply_time;
};

struct PlanList {
  std::vector<PlanSummary> execution_plans;  // newest first
  PageInfo page_info;
};

struct PlanChangeSummary {
  int resource_add = 0;
  int resource_update = 0;
  int resource_delete = 0;
  int resource_import = 0;
};

struct PlanMetadata {
  PlanSummary summary;
  std::vector<VarStructure> vars_structure;  // masked as in StackMetadata
  std::optional<std::string> vars_body;
  std::optional<std::string> vars_uri_content;
  // Only in AVAILABLE / APPLY_IN_PROGRESS / APPLIED.
  std::optional<PlanChangeSummary> change_summary;
};

struct PlanItemAttribute {
  std::string name;            // "name", "subnet.0.cidr"
  std::string previous_value;  // "" on create; strings raw, others JSON text
  std::string target_value;    // "" on delete; "(known after apply)"; "<sensitive>"
};

struct PlanItem {
  std::string resource_type;
  std::string resource_name;
  std::optional<std::string> index;  // count index / for_each key
  std::string action;  // ADD, ADD_THEN_DELETE, DELETE, DELETE_THEN_ADD, UPDATE, NO_OPERATION
  std::string action_reason;
  std::string provider_name;  // "huaweicloud"
  std::string mode;           // RESOURCE | DATA
  bool drifted = false;
  bool imported = false;
  std::optional<std::string> resource_id;
  std::vector<PlanItemAttribute> attributes;
  std::optional<std::string> module_address;  // "module.net" for resources in modules
};

struct PlanDiff {
  // Absent while CREATION_IN_PROGRESS or CREATION_FAILED.
  std::optional<std::vector<PlanItem>> execution_plan_items;
};

struct ResourcePrice {
  std::string charge_mode;  // PRE_PAID | POST_PAID | FREE
  double sale_price = 0;
  double discount = 0;
  double original_price = 0;
  std::optional<std::string> period_type;  // HOUR, MONTH ... (absent for FREE)
  int period_count = 1;
  std::optional<int> best_discount_type;
  std::optional<double> best_discount_price;
  std::optional<double> official_website_discount_price;
};

struct PriceItem {
  std::string resource_type;
  std::string resource_name;
  std::optional<std::string> index;
  std::string module_address;
  bool supported = false;
  std::string unsupported_message;
  std::optional<std::vector<ResourcePrice>> resource_price;  // absent when unsupported
};

// SIMULATED prices from Formwork's own table (price_table.h), not Huawei's price list.
struct PriceEstimate {
  std::string currency;  // "USD"
  std::vector<PriceItem> items;
};

// ---------------------------------------------------------------------------------------------
// Template analysis (§4.1)

struct VariableValidation {
  std::string condition;      // "${length(var.name) > 0}"
  std::string error_message;  // the expression's text when not a plain string
};

struct TemplateVariable {
  std::string name;
  std::string type;         // type expression text: "string", "list(string)", "any"
  std::string description;
  std::optional<std::string> default_json;  // JSON text of the default; absent when required
  bool sensitive = false;
  bool nullable = true;
  std::vector<VariableValidation> validations;
};

// ---------------------------------------------------------------------------------------------

struct StackServiceOptions {
  int max_stacks_per_project = 100;        // RF.10012538
  int max_plans_per_stack = 100;           // PermissionDenied RF.10012541 style quota
  std::chrono::seconds download_link_lifetime{300};
  // Called after a request queued a job (wakes the deploy workers: DeployWorker::Wake).
  std::function<void()> on_job_queued;
};

class StackService {
 public:
  // `inventory` (may be null) lets template_uri / vars_uri name objects of the simulated OBS.
  StackService(store::Store& store, const Clock& clock, cloud::Inventory* inventory,
               StackServiceOptions options = {});
  ~StackService();
  StackService(const StackService&) = delete;
  StackService& operator=(const StackService&) = delete;

  // ---- Stacks --------------------------------------------------------------------------------

  // 201. Also: AlreadyExists RF.10013502 (name taken in the project); PermissionDenied
  // RF.10012538 (stack quota); InvalidArgument RF.10011010/05/06 (name), RF.10011005
  // (description), RF.10011065 (duplicate agency provider), RF.10011028 (agency needs exactly one
  // of agency_name/agency_urn; > 10 agencies; vars without a template; enable_auto_rollback with
  // a template that has import blocks).
  Result<CreateStackResponse> CreateStack(const CreateStackRequest& request);

  // Newest first. InvalidArgument for a bad marker/limit.
  Result<StackList> ListStacks(const std::string& project_id, const PageRequest& page);

  Result<StackMetadata> GetStackMetadata(const StackRef& stack);

  // 204. InvalidArgument RF.10011084 (nothing to update), RF.10011005 (description), agency
  // errors as CreateStack; PermissionDenied RF.10012519 (stack *_IN_PROGRESS), RF.10012546
  // (enable_auto_rollback false→true while *_FAILED); Conflict RF.10013503.
  Status UpdateStack(const UpdateStackRequest& request);

  // 202. PermissionDenied RF.10012519 (*_IN_PROGRESS); Conflict RF.10013503. Expires the
  // stack's execution plans.
  Result<DeploymentStarted> DeployStack(const DeployStackRequest& request);

  // 202. Retries the failed deployment with its template and vars. PermissionDenied RF.10012547
  // unless DEPLOYMENT_FAILED; Conflict RF.10013503.
  Result<DeploymentStarted> ContinueDeployStack(const StackRef& stack);

  // 202. Retries the failed rollback. PermissionDenied RF.10012547 unless ROLLBACK_FAILED;
  // Conflict RF.10013503.
  Result<DeploymentStarted> ContinueRollbackStack(const StackRef& stack);

  // 202 (DeleteStack and DeleteStackEnhanced). PermissionDenied RF.10012544 (*_IN_PROGRESS or
  // deletion protection on); Conflict RF.10013503. The stack disappears once the deletion job is
  // done; with retain_all_resources the cloud resources stay and only the records go.
  Status DeleteStack(const DeleteStackRequest& request);

  Result<EventList> ListStackEvents(const ListEventsRequest& request);
  Result<ResourceList> ListStackResources(const StackRef& stack, const PageRequest& page);
  Result<OutputList> ListStackOutputs(const StackRef& stack, const PageRequest& page);

  // The stored template of the latest terminal deployment. NotFound RF.10013023 when none (an
  // empty stack, or the first deployment still running).
  Result<StackTemplate> GetStackTemplate(const StackRef& stack);
  // Issues a download token for GetStackTemplate's link, valid download_link_lifetime; the
  // route builds base_url + kDownloadPathPrefix + token + "/" + file_name. The file is the
  // template's only file, or kTemplateZipName (all files zipped) when it has several. Errors as
  // GetStackTemplate.
  struct DownloadLink {
    std::string token;
    std::string file_name;
  };
  // `access` (GetStackTemplate's access_control_source_*; download_access.h) travels in the
  // token; malformed rules are InvalidArgument RF.10011028.
  Result<DownloadLink> IssueTemplateDownload(const StackRef& stack,
                                             const DownloadAccess& access = {});
  // The file behind a token, for a client at `remote` ("1.2.3.4:port"). NotFound RF.10013023
  // when the token is unknown, forged or expired; PermissionDenied when its access rules do not
  // admit `remote`.
  Result<TemplateDownload> RedeemDownloadToken(const std::string& token, std::string_view remote);

  // ---- Execution plans -----------------------------------------------------------------------

  // 202: the plan is CREATION_IN_PROGRESS and a job computes it. AlreadyExists RF.10013501
  // (name taken in the stack); PermissionDenied RF.10012519 (stack *_IN_PROGRESS), RF.10012541
  // (plan quota); name/description errors as CreateStack.
  Result<CreatePlanResponse> CreateExecutionPlan(const CreatePlanRequest& request);
  Result<PlanList> ListExecutionPlans(const StackRef& stack, const PageRequest& page);
  // NotFound RF.10013002 (no such plan); InvalidArgument RF.10011018 (plan id mismatch).
  Result<PlanMetadata> GetExecutionPlanMetadata(const PlanRef& plan);
  Result<PlanDiff> GetExecutionPlan(const PlanRef& plan);
  // 202. PermissionDenied RF.10012543 (plan not AVAILABLE), RF.10012542 (stack *_IN_PROGRESS),
  // RF.10012545 (expired: the stack was deployed after the plan was made, or another plan was
  // applied); Conflict RF.10013503.
  Result<DeploymentStarted> ApplyExecutionPlan(const PlanRef& plan);
  // 204. PermissionDenied RF.10012549 while CREATION_IN_PROGRESS / APPLY_IN_PROGRESS.
  Status DeleteExecutionPlan(const PlanRef& plan);
  // PermissionDenied RF.10012543 unless the plan is AVAILABLE or APPLIED (no diff yet).
  Result<PriceEstimate> EstimateExecutionPlanPrice(const PlanRef& plan);

  // ---- Template analysis ---------------------------------------------------------------------

  // Every `variable` of the root module, by name. Template errors as TemplateInput (vars are
  // ignored).
  Result<std::vector<TemplateVariable>> ParseTemplateVariables(const std::string& project_id,
                                                               const TemplateInput& input);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fw::stacks
