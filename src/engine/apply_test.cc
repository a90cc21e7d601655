// Plan and apply against a LocalCloud with the real resource types.
#include <chrono>

#include "engine/engine_test_util.h"
#include "hcl/functions/bcrypt.h"

namespace fw::engine {
namespace {

const char kNetwork[] = R"(
variable "prefix" {
  type    = string
  default = "net"
}
resource "huaweicloud_vpc" "main" {
  name = "${var.prefix}-vpc"
  cidr = "10.0.0.0/16"
}
resource "huaweicloud_vpc_subnet" "sub" {
  count      = 3
  name       = "${var.prefix}-sub-${count.index}"
  cidr       = cidrsubnet(huaweicloud_vpc.main.cidr, 8, count.index)
  gateway_ip = cidrhost(cidrsubnet(huaweicloud_vpc.main.cidr, 8, count.index), 1)
  vpc_id     = huaweicloud_vpc.main.id
}
resource "random_id" "tag" {
  for_each    = toset(["a", "b"])
  byte_length = 4
}
locals {
  subnet_ids = huaweicloud_vpc_subnet.sub[*].id
}
output "vpc_id" {
  value = huaweicloud_vpc.main.id
}
output "subnets" {
  value = local.subnet_ids
}
)";

TEST_F(EngineTest, CreatesInDependencyOrderAndReplansWithNoChanges) {
  const config::Config& cfg = Load(kNetwork);
  PlanResult p = MakePlanFor(cfg);
  ASSERT_FALSE(p.diags.HasErrors()) << Describe(p.diags);
  EXPECT_EQ(p.plan.Summary().add, 6);
  std::string text = RenderPlan(p.plan);
  EXPECT_NE(text.find("# huaweicloud_vpc_subnet.sub[2] will be created"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Plan: 6 to add, 0 to change, 0 to destroy."), std::string::npos) << text;
  EXPECT_NE(text.find("+ vpc_id = (known after apply)"), std::string::npos) << text;

  PlanAndApply(cfg);
  EXPECT_EQ(state_.instances.size(), 6u);
  EXPECT_EQ(state_.serial, 1);
  EXPECT_FALSE(state_.lineage.empty());
  const InstanceState* vpc = state_.Find("huaweicloud_vpc.main");
  const InstanceState* sub = state_.Find("huaweicloud_vpc_subnet.sub[1]");
  ASSERT_NE(vpc, nullptr);
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(Attr(sub, "vpc_id"), vpc->Id());
  EXPECT_EQ(Attr(sub, "cidr"), "10.0.1.0/24");
  EXPECT_EQ(sub->dependencies, std::vector<std::string>{"huaweicloud_vpc.main"});
  EXPECT_EQ(state_.outputs.at("vpc_id").value.AsString(), vpc->Id());
  EXPECT_EQ(state_.outputs.at("subnets").value.Length(), 3u);
  ASSERT_NE(state_.Find("random_id.tag[\"b\"]"), nullptr);

  PlanResult again = MakePlanFor(cfg);
  ASSERT_FALSE(again.diags.HasErrors()) << Describe(again.diags);
  EXPECT_FALSE(again.plan.HasChanges()) << RenderPlan(again.plan);
  EXPECT_EQ(RenderPlan(again.plan), "No changes. Your infrastructure matches the configuration.\n");
}

TEST_F(EngineTest, UpdateReplaceAndDeleteByCount) {
  PlanAndApply(Load(kNetwork));
  const std::string vpc_id = state_.Find("huaweicloud_vpc.main")->Id();
  std::string changed = kNetwork;
  changed.replace(changed.find("count      = 3"), 14, "count      = 2");
  changed.replace(changed.find("8, count.index)\n  gateway_ip"), 15, "8, count.index + 4)");
  changed.replace(changed.find("8, count.index), 1)"), 19, "8, count.index + 4), 1)");
  PlanResult p = MakePlanFor(Load(changed, {}), PlanOptions{.variables = {{"prefix", hcl::Value::String("net")}}});
  ASSERT_FALSE(p.diags.HasErrors()) << Describe(p.diags);
  const ResourceChange* gone = p.plan.Find("huaweicloud_vpc_subnet.sub[2]");
  ASSERT_NE(gone, nullptr);
  EXPECT_EQ(gone->action, Action::kDelete);
  EXPECT_EQ(gone->reason, "delete_because_count_index");
  const ResourceChange* moved = p.plan.Find("huaweicloud_vpc_subnet.sub[0]");
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ(moved->action, Action::kDeleteThenCreate);
  EXPECT_NE(std::find(moved->replace_paths.begin(), moved->replace_paths.end(), "cidr"),
            moved->replace_paths.end());
  std::string text = RenderPlan(p.plan);
  EXPECT_NE(text.find("(because index [2] is out of range for count)"), std::string::npos) << text;
  EXPECT_NE(text.find("# forces replacement"), std::string::npos) << text;

  ApplyResult r = Apply(*loads_.back()->config, p.plan, state_, target_);
  ASSERT_TRUE(r.ok()) << (r.failures.empty() ? Describe(r.diags) : r.failures[0].message);
  state_ = r.state;
  EXPECT_EQ(state_.Find("huaweicloud_vpc.main")->Id(), vpc_id);
  EXPECT_EQ(Attr(state_.Find("huaweicloud_vpc_subnet.sub[0]"), "cidr"), "10.0.4.0/24");
  EXPECT_EQ(state_.Find("huaweicloud_vpc_subnet.sub[2]"), nullptr);
  EXPECT_EQ(CountInCloud("vpc.subnet"), 2u);

  // Renaming the VPC is an in-place update.
  std::string renamed = changed;
  PlanOptions o;
  o.variables["prefix"] = hcl::Value::String("other");
  PlanResult u = MakePlanFor(Load(renamed), o);
  ASSERT_FALSE(u.diags.HasErrors()) << Describe(u.diags);
  EXPECT_EQ(u.plan.Find("huaweicloud_vpc.main")->action, Action::kUpdate);
  EXPECT_NE(RenderPlan(u.plan).find("~ name = \"net-vpc\" -> \"other-vpc\""), std::string::npos)
      << RenderPlan(u.plan);
}

TEST_F(EngineTest, DestroyRemovesEverythingInReverseOrder) {
  const config::Config& cfg = Load(kNetwork);
  PlanAndApply(cfg);
  PlanOptions o;
  o.destroy = true;
  Plan p = PlanAndApply(cfg, o);
  EXPECT_EQ(p.Summary().destroy, 6);
  EXPECT_TRUE(state_.instances.empty());
  EXPECT_TRUE(state_.outputs.empty());
  EXPECT_EQ(CountInCloud("vpc.subnet"), 0u);
  EXPECT_EQ(CountInCloud("vpc.vpc"), 0u);
}

TEST_F(EngineTest, FailureSkipsDependentsAndKeepsIndependentBranches) {
  cloud::FaultRule rule;
  rule.service = "vpc";
  rule.type = "vpc";
  rule.operation = "create";
  rule.name_pattern = "bad-*";
  rule.error_message = "Injected VPC failure.";
  cloud_->faults().Add(rule);
  const config::Config& cfg = Load(R"(
resource "huaweicloud_vpc" "bad" {
  name = "bad-vpc"
  cidr = "10.1.0.0/16"
}
resource "huaweicloud_vpc_subnet" "under_bad" {
  name       = "s"
  cidr       = "10.1.1.0/24"
  gateway_ip = "10.1.1.1"
  vpc_id     = huaweicloud_vpc.bad.id
}
resource "huaweicloud_vpc" "good" {
  name = "good-vpc"
  cidr = "10.2.0.0/16"
}
resource "null_resource" "n" {
  count = 5
  triggers = { vpc = huaweicloud_vpc.good.id }
}
)");
  PlanResult p = MakePlanFor(cfg);
  ASSERT_FALSE(p.diags.HasErrors()) << Describe(p.diags);
  ApplyResult r = Apply(cfg, p.plan, state_, target_);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].address, "huaweicloud_vpc.bad");
  EXPECT_NE(r.failures[0].message.find("Injected VPC failure."), std::string::npos);
  EXPECT_EQ(r.skipped, std::vector<std::string>{"huaweicloud_vpc_subnet.under_bad"});
  EXPECT_EQ(r.state.instances.size(), 6u);
  EXPECT_EQ(r.state.Find("huaweicloud_vpc.bad"), nullptr);
  EXPECT_EQ(CountInCloud("vpc.vpc"), 1u);
  EXPECT_EQ(CountInCloud("vpc.subnet"), 0u);

  // The fault is gone: the next plan creates what is missing, the apply finishes it.
  cloud_->faults().Clear();
  state_ = r.state;
  PlanResult next = MakePlanFor(cfg);
  EXPECT_EQ(next.plan.Summary().add, 2);
  PlanAndApply(cfg);
  EXPECT_EQ(CountInCloud("vpc.vpc"), 2u);
  EXPECT_FALSE(MakePlanFor(cfg).plan.HasChanges());
}

// An observer that refuses after the n-th event: a crash half-way through.
class CrashingObserver : public ApplyObserver {
 public:
  explicit CrashingObserver(int allow) : allow_(allow) {}
  Status OnFinished(const InstanceEvent& e, const State&) override {
    if (--allow_ < 0) return Unavailable("simulated crash");
    return Status::Ok();
  }
  int allow_;
};

TEST_F(EngineTest, ResumedApplyWithSamePrefixMakesNoDuplicates) {
  const config::Config& cfg = Load(R"(
resource "huaweicloud_vpc" "v" {
  count = 6
  name  = "v${count.index}"
  cidr  = "10.${count.index}.0.0/16"
}
)");
  PlanResult p = MakePlanFor(cfg);
  CrashingObserver crash(2);
  ApplyResult r = Apply(cfg, p.plan, state_, target_, {.parallelism = 1, .observer = &crash});
  EXPECT_FALSE(r.ok());
  // What the crashed run recorded is lost except the first two; plan again from that state.
  State partial;
  int kept = 0;
  for (const auto& [a, s] : r.state.instances) {
    if (kept++ < 2) partial.instances[a] = s;
  }
  state_ = partial;
  PlanAndApply(cfg);
  EXPECT_EQ(state_.instances.size(), 6u);
  EXPECT_EQ(CountInCloud("vpc.vpc"), 6u);
}

TEST_F(EngineTest, ModulesWithCountAndOutputs) {
  const config::Config& cfg = Load(R"(
module "net" {
  source = "./modules/net"
  count  = 2
  name   = "m${count.index}"
}
output "names" {
  value = module.net[*].vpc_name
}
output "first" {
  value = module.net[0].vpc_name
}
)",
                                   {{"modules/net/main.tf", R"(
variable "name" { type = string }
resource "huaweicloud_vpc" "v" {
  name = var.name
  cidr = "10.0.0.0/16"
}
output "vpc_name" { value = huaweicloud_vpc.v.name }
)"}});
  PlanAndApply(cfg);
  ASSERT_NE(state_.Find("module.net[1].huaweicloud_vpc.v"), nullptr);
  EXPECT_EQ(state_.outputs.at("first").value.AsString(), "m0");
  EXPECT_EQ(state_.outputs.at("names").value.Length(), 2u);
  EXPECT_FALSE(MakePlanFor(cfg).plan.HasChanges());
}

// A stack's template reads its own files: file(), templatefile(), fileset() and an OBS object's
// `source` inside a module find the module's files through path.module.
TEST_F(EngineTest, TemplateFilesAreReadableFromModules) {
  const config::Config& cfg = Load(R"(
module "app" {
  source = "./modules/app"
  name   = "web"
}
output "user_data" { value = module.app.user_data }
output "rendered"  { value = module.app.rendered }
output "md5"       { value = module.app.md5 }
output "scripts"   { value = module.app.scripts }
output "paths"     { value = module.app.paths }
output "settings"  { value = jsondecode(file("data/settings.json")).size }
output "etag"      { value = module.app.etag }
)",
                                   {{"modules/app/main.tf", R"(
variable "name" { type = string }
resource "huaweicloud_obs_bucket" "b" {
  bucket = "app-scripts"
}
resource "huaweicloud_obs_bucket_object" "o" {
  bucket = huaweicloud_obs_bucket.b.bucket
  key    = "user_data.sh"
  source = "${path.module}/user_data.sh"
}
output "user_data" { value = file("${path.module}/user_data.sh") }
output "rendered"  { value = templatefile("${path.module}/user_data.sh", { name = var.name }) }
output "md5"       { value = filemd5("${path.module}/./user_data.sh") }
output "scripts"   { value = fileset(path.module, "**/*.sh") }
output "paths"     { value = [path.module, path.root, path.cwd] }
output "etag"      { value = huaweicloud_obs_bucket_object.o.etag }
)"},
                                    {"modules/app/user_data.sh", "#!/bin/sh\necho ${name}\n"},
                                    {"modules/app/lib/helpers.sh", "true\n"},
                                    {"data/settings.json", R"({"size": "large"})"}});
  PlanAndApply(cfg);
  ASSERT_EQ(state_.outputs.count("user_data"), 1u);
  EXPECT_EQ(state_.outputs.at("user_data").value.AsString(), "#!/bin/sh\necho ${name}\n");
  EXPECT_EQ(state_.outputs.at("rendered").value.AsString(), "#!/bin/sh\necho web\n");
  EXPECT_EQ(state_.outputs.at("settings").value.AsString(), "large");
  const std::string md5 = state_.outputs.at("md5").value.AsString();
  EXPECT_EQ(md5.size(), 32u);
  EXPECT_EQ(state_.outputs.at("etag").value.AsString(), md5);  // the object has the file's bytes
  std::vector<std::string> scripts;
  for (const hcl::Value& v : state_.outputs.at("scripts").value.Elements()) {
    scripts.push_back(v.AsString());
  }
  EXPECT_EQ(scripts, std::vector<std::string>({"lib/helpers.sh", "user_data.sh"}));
  std::vector<std::string> paths;
  for (const hcl::Value& v : state_.outputs.at("paths").value.Elements()) {
    paths.push_back(v.AsString());
  }
  EXPECT_EQ(paths, std::vector<std::string>({"modules/app", ".", "."}));
  EXPECT_FALSE(MakePlanFor(cfg).plan.HasChanges());
}

// Nothing outside the template is readable: not the server's files by absolute path, not by
// leaving the template's root, neither through functions nor through an OBS object's source.
TEST_F(EngineTest, TemplateCannotReadTheServersFiles) {
  PlanResult p = MakePlanFor(Load(R"(output "x" { value = file("/etc/hostname") })"));
  ASSERT_TRUE(p.diags.HasErrors());
  const hcl::Diagnostic& d = *p.diags.begin();
  EXPECT_EQ(d.summary, "Error in function call");
  EXPECT_EQ(d.detail,
            "Call to function \"file\" failed: Invalid value for \"path\" parameter: no file "
            "exists at \"/etc/hostname\"; this function works only with files that are "
            "distributed as part of the configuration source code (absolute paths are refused: a "
            "template can read only its own files, by paths relative to its root).");

  PlanResult escape = MakePlanFor(Load(R"(
module "m" { source = "./modules/m" }
output "x" { value = module.m.x }
)",
                                       {{"modules/m/main.tf", R"(
output "x" { value = templatefile("${path.module}/../../../etc/passwd", {}) }
)"}}));
  ASSERT_TRUE(escape.diags.HasErrors());
  EXPECT_NE(escape.diags.begin()->detail.find("the path leads outside the template"),
            std::string::npos)
      << Describe(escape.diags);

  const config::Config& obs = Load(R"(
resource "huaweicloud_obs_bucket" "b" {
  bucket = "leaks"
}
resource "huaweicloud_obs_bucket_object" "o" {
  bucket = huaweicloud_obs_bucket.b.bucket
  key    = "passwd"
  source = "/etc/passwd"
}
)");
  PlanResult planned = MakePlanFor(obs);
  ASSERT_FALSE(planned.diags.HasErrors()) << Describe(planned.diags);
  ApplyResult r = Apply(obs, planned.plan, state_, target_);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].address, "huaweicloud_obs_bucket_object.o");
  EXPECT_NE(r.failures[0].message.find("absolute paths are refused"), std::string::npos)
      << r.failures[0].message;
  EXPECT_EQ(CountInCloud("obs.object"), 0u);
}

TEST_F(EngineTest, RefreshPlansCreationOfWhatDisappeared) {
  const config::Config& cfg = Load(kNetwork);
  PlanAndApply(cfg);
  const InstanceState* s = state_.Find("huaweicloud_vpc_subnet.sub[0]");
  ASSERT_TRUE(cloud_->inventory().Delete("vpc.subnet", s->Id()).ok());
  PlanResult p = MakePlanFor(cfg);
  ASSERT_FALSE(p.diags.HasErrors()) << Describe(p.diags);
  EXPECT_EQ(p.plan.Find("huaweicloud_vpc_subnet.sub[0]")->action, Action::kCreate);
}

TEST_F(EngineTest, StateRoundTrip) {
  PlanAndApply(Load(R"(
resource "random_password" "p" {
  length = 12
}
resource "random_id" "r" {
  for_each    = { a = 1, b = 2 }
  byte_length = each.value + 2
}
output "secret" {
  value     = random_password.p.result
  sensitive = true
}
)"));
  std::string json = state_.ToJson();
  auto back = State::FromJson(json, providers::Registry::Builtin());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->ToJson(), json);
  EXPECT_EQ(back->instances.size(), 3u);
  const InstanceState* p = back->Find("random_password.p");
  ASSERT_NE(p, nullptr);
  EXPECT_FALSE(p->sensitive_paths.empty());
  EXPECT_TRUE(back->outputs.at("secret").sensitive);
  EXPECT_NE(json.find(R"("index_key":"a")"), std::string::npos);
  EXPECT_NE(json.find(R"([{"type":"get_attr","value":"result"}])"), std::string::npos) << json;
}

// timestamp(), plantimestamp(), uuid() and bcrypt() as Terraform: unknown while planning
// (plantimestamp excepted), computed when applying.
const char kImpure[] = R"(
resource "huaweicloud_vpc" "main" {
  count       = 2
  name        = "net-${count.index}"
  cidr        = "192.168.0.0/16"
  description = plantimestamp()
  tags = {
    created_at = timestamp()
    id         = uuid()
    hash       = bcrypt("secret")
  }
}
output "applied_at" {
  value = timestamp()
}
)";

std::string Tag(const InstanceState* s, const std::string& key) {
  if (!s) return "<no instance>";
  const hcl::Value* tags = s->attributes.Get("tags");
  const hcl::Value* v = tags && tags->IsKnown() && !tags->IsNull() ? tags->Get(key) : nullptr;
  if (!v || !v->IsKnown() || v->IsNull()) return "<none>";
  return v->AsString();
}

bool LooksLikeUuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

TEST_F(EngineTest, ImpureFunctionsAreUnknownInThePlanAndComputedAtApply) {
  const config::Config& cfg = Load(kImpure);
  hcl::Diagnostics validation;
  ValidateWithSchemas(cfg, providers::Registry::Builtin(), validation);
  EXPECT_FALSE(validation.HasErrors()) << Describe(validation);

  PlanResult p = MakePlanFor(cfg);
  ASSERT_FALSE(p.diags.HasErrors()) << Describe(p.diags);
  ASSERT_TRUE(p.plan.timestamp.has_value());
  EXPECT_EQ(*p.plan.timestamp, clock_.Now());
  const ResourceChange* c = p.plan.Find("huaweicloud_vpc.main[0]");
  ASSERT_NE(c, nullptr);
  const hcl::Value after = c->after.UnmarkDeep();
  EXPECT_EQ(after.Get("description")->AsString(), "2026-03-01T09:30:00Z");
  for (const char* key : {"created_at", "id", "hash"}) {
    const hcl::Value* v = after.Get("tags")->Get(key);
    ASSERT_NE(v, nullptr) << key;
    EXPECT_FALSE(v->IsKnown()) << key;
    EXPECT_EQ(v->type(), hcl::Type::String()) << key;
  }
  std::string text = RenderPlan(p.plan);
  EXPECT_NE(text.find("\"created_at\" = (known after apply)"), std::string::npos) << text;
  EXPECT_NE(text.find("+ applied_at = (known after apply)"), std::string::npos) << text;

  // Applied 90 s later: timestamp() is the apply's time, plantimestamp() still the plan's.
  clock_.Advance(std::chrono::seconds(90));
  ApplyResult r = Apply(cfg, p.plan, state_, target_);
  ASSERT_TRUE(r.ok()) << Describe(r.diags) << (r.failures.empty() ? "" : r.failures[0].message);
  state_ = std::move(r.state);
  const InstanceState* a = state_.Find("huaweicloud_vpc.main[0]");
  const InstanceState* b = state_.Find("huaweicloud_vpc.main[1]");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(Attr(a, "description"), "2026-03-01T09:30:00Z");
  EXPECT_EQ(Tag(a, "created_at"), "2026-03-01T09:31:30Z");
  EXPECT_EQ(state_.outputs.at("applied_at").value.AsString(), "2026-03-01T09:31:30Z");
  EXPECT_TRUE(LooksLikeUuid(Tag(a, "id"))) << Tag(a, "id");
  EXPECT_TRUE(LooksLikeUuid(Tag(b, "id"))) << Tag(b, "id");
  EXPECT_NE(Tag(a, "id"), Tag(b, "id"));  // one call per instance
  const std::string hash = Tag(a, "hash");
  EXPECT_EQ(hash.rfind("$2a$10$", 0), 0u) << hash;
  EXPECT_EQ(hash.size(), 60u);
  EXPECT_TRUE(hcl::BcryptVerify("secret", hash));
  EXPECT_FALSE(hcl::BcryptVerify("Secret", hash));
  EXPECT_NE(hash, Tag(b, "hash"));  // a fresh salt per call
}

TEST_F(EngineTest, TimestampInAnArgumentChangesOnEveryPlanUnlessIgnored) {
  const config::Config& cfg = Load(kImpure);
  PlanAndApply(cfg);
  const std::string first_id = Tag(state_.Find("huaweicloud_vpc.main[0]"), "id");

  // As Terraform: the next plan updates what timestamp() and uuid() feed.
  clock_.Advance(std::chrono::minutes(5));
  PlanResult again = MakePlanFor(cfg);
  ASSERT_FALSE(again.diags.HasErrors()) << Describe(again.diags);
  EXPECT_EQ(again.plan.Find("huaweicloud_vpc.main[0]")->action, Action::kUpdate);
  EXPECT_EQ(again.plan.Find("huaweicloud_vpc.main[1]")->action, Action::kUpdate);
  std::string text = RenderPlan(again.plan);
  EXPECT_NE(text.find("~ description = \"2026-03-01T09:30:00Z\" -> \"2026-03-01T09:35:00Z\""),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Plan: 0 to add, 2 to change, 0 to destroy."), std::string::npos) << text;
  ApplyResult r = Apply(cfg, again.plan, state_, target_);
  ASSERT_TRUE(r.ok()) << (r.failures.empty() ? "" : r.failures[0].message);
  state_ = std::move(r.state);
  const InstanceState* a = state_.Find("huaweicloud_vpc.main[0]");
  EXPECT_EQ(Tag(a, "created_at"), "2026-03-01T09:35:00Z");
  EXPECT_EQ(Attr(a, "description"), "2026-03-01T09:35:00Z");
  EXPECT_TRUE(LooksLikeUuid(Tag(a, "id")));
  EXPECT_NE(Tag(a, "id"), first_id);

  // lifecycle ignore_changes covering them: no change however the clock moves.
  const config::Config& ignoring = Load(R"(
resource "huaweicloud_vpc" "main" {
  count       = 2
  name        = "net-${count.index}"
  cidr        = "192.168.0.0/16"
  description = plantimestamp()
  tags = {
    created_at = timestamp()
    id         = uuid()
    hash       = bcrypt("secret")
  }
  lifecycle {
    ignore_changes = [tags, description]
  }
}
output "applied_at" {
  value = timestamp()
}
)");
  clock_.Advance(std::chrono::hours(1));
  PlanResult ignored = MakePlanFor(ignoring);
  ASSERT_FALSE(ignored.diags.HasErrors()) << Describe(ignored.diags);
  EXPECT_EQ(ignored.plan.Find("huaweicloud_vpc.main[0]")->action, Action::kNoOp);
  EXPECT_EQ(ignored.plan.Find("huaweicloud_vpc.main[1]")->action, Action::kNoOp);
  EXPECT_EQ(ignored.plan.Summary().change, 0);
}

TEST_F(EngineTest, APlanTimeGivenInTheOptionsIsPlantimestamp) {
  const config::Config& cfg = Load(kImpure);
  PlanOptions options;
  options.timestamp = clock_.Now() - std::chrono::hours(2);
  PlanResult p = MakePlanFor(cfg, options);
  ASSERT_FALSE(p.diags.HasErrors()) << Describe(p.diags);
  EXPECT_EQ(p.plan.timestamp, options.timestamp);
  EXPECT_EQ(p.plan.Find("huaweicloud_vpc.main[1]")->after.UnmarkDeep().Get("description")->AsString(),
            "2026-03-01T07:30:00Z");
  ApplyResult r = Apply(cfg, p.plan, state_, target_);
  ASSERT_TRUE(r.ok()) << (r.failures.empty() ? "" : r.failures[0].message);
  EXPECT_EQ(Attr(r.state.Find("huaweicloud_vpc.main[1]"), "description"), "2026-03-01T07:30:00Z");
  EXPECT_EQ(Tag(r.state.Find("huaweicloud_vpc.main[1]"), "created_at"), "2026-03-01T09:30:00Z");
}

}  // namespace
}  // namespace fw::engine
