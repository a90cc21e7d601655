// The Terraform-language model of a configuration: what a module declares (variables, locals,
// outputs, providers, resources, data sources, module calls, moved/import/check blocks) and the
// tree of modules. Produced by the loader (loader.h); read by validation and the engine.
//
// Expressions are not evaluated here: the model points at the parsed expressions (owned by the
// Module, which keeps its parsed files alive) so that the engine can evaluate them with the
// right scope (hcl/eval/evaluator.h). Everything that can be known statically is decoded:
// variable type constraints and defaults, lifecycle flags, depends_on traversals.
//
// Thread-safety: immutable after loading; safe to read from any thread.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hcl/ast.h"
#include "hcl/body.h"
#include "hcl/functions/file_source.h"
#include "hcl/json_body.h"
#include "hcl/type.h"
#include "hcl/value.h"

namespace fw::config {

// A condition with its error message: variable validation, pre/postconditions, check asserts.
struct CheckRule {
  const hcl::Expression* condition = nullptr;
  const hcl::Expression* error_message = nullptr;
  hcl::Range decl_range;
};

struct RequiredProvider {
  std::string name;    // local name ("huaweicloud")
  std::string source;  // "huaweicloud/huaweicloud"
  std::string version_constraint;
  hcl::Range decl_range;
};

struct TerraformSettings {
  std::vector<std::string> required_versions;  // one per terraform block that sets it
  std::vector<hcl::Range> required_version_ranges;  // the expression of each, same order
  std::map<std::string, RequiredProvider> required_providers;
};

struct ProviderConfig {
  std::string name;
  std::string alias;                     // empty for the default configuration
  const hcl::AnyBody* config = nullptr;  // the provider's own arguments
  hcl::Range decl_range;
  std::string Key() const { return alias.empty() ? name : name + "." + alias; }
};

struct Variable {
  std::string name;
  std::string description;
  hcl::Type type;  // the constraint (may hold optional attributes); any when unset
  bool type_set = false;
  const hcl::Expression* default_expr = nullptr;
  std::optional<hcl::Value> default_value;  // converted to `type`, defaults applied
  bool sensitive = false;
  bool nullable = true;
  bool ephemeral = false;
  std::vector<CheckRule> validations;
  hcl::Range decl_range;
  bool Required() const { return !default_expr; }
};

struct Local {
  std::string name;
  const hcl::Expression* expr = nullptr;
  hcl::Range decl_range;
};

struct Output {
  std::string name;
  std::string description;
  const hcl::Expression* value = nullptr;
  bool sensitive = false;
  bool ephemeral = false;
  std::vector<hcl::Traversal> depends_on;
  std::vector<CheckRule> preconditions;
  hcl::Range decl_range;
};

struct Lifecycle {
  bool create_before_destroy = false;
  bool prevent_destroy = false;
  bool ignore_all_changes = false;             // ignore_changes = all
  std::vector<hcl::Traversal> ignore_changes;  // relative attribute paths (root = attr name)
  std::vector<const hcl::Expression*> replace_triggered_by;
  std::vector<CheckRule> preconditions;
  std::vector<CheckRule> postconditions;
};

enum class ResourceMode { kManaged, kData };

struct ProviderRef {
  std::string name;   // local name
  std::string alias;  // empty: default configuration
  hcl::Range range;
};

struct Resource {
  ResourceMode mode = ResourceMode::kManaged;
  std::string type;
  std::string name;
  const hcl::Expression* count = nullptr;
  const hcl::Expression* for_each = nullptr;
  std::vector<hcl::Traversal> depends_on;
  std::optional<ProviderRef> provider;  // the `provider` meta-argument
  Lifecycle lifecycle;
  // The resource's own arguments and nested blocks (meta-arguments removed). `dynamic` blocks
  // are left in it for the engine to expand.
  const hcl::AnyBody* config = nullptr;
  const hcl::AnyBody* full_body = nullptr;  // the whole block body
  hcl::Range decl_range;
  hcl::Range type_range;

  // "huaweicloud_vpc.main" or "data.huaweicloud_images_image.ubuntu".
  std::string Address() const;
  // The provider this resource uses: the meta-argument's, else the type's prefix
  // ("huaweicloud" for "huaweicloud_vpc").
  std::string ProviderName() const;
};

struct ModuleCall {
  std::string name;
  std::string source;
  std::string version;
  const hcl::Expression* count = nullptr;
  const hcl::Expression* for_each = nullptr;
  std::vector<hcl::Traversal> depends_on;
  std::vector<hcl::AttributeRef> inputs;         // the module's input variable arguments
  std::map<std::string, std::string> providers;  // child local name(.alias) → parent's
  hcl::Range decl_range;
  hcl::Range source_range;
};

struct Moved {
  hcl::Traversal from;
  hcl::Traversal to;
  hcl::Range decl_range;
};

struct Import {
  const hcl::Expression* to = nullptr;
  const hcl::Expression* id = nullptr;
  const hcl::Expression* for_each = nullptr;
  std::optional<ProviderRef> provider;
  hcl::Range decl_range;
};

struct Check {
  std::string name;
  std::vector<CheckRule> asserts;
  std::vector<std::string> data_resources;  // keys into Module::data_resources (scoped data)
  hcl::Range decl_range;
};

// One module: the declarations of every file of one directory.
class Module {
 public:
  std::string dir;                 // as given to the loader ("" for in-memory roots)
  std::vector<std::string> files;  // file names, in load order
  TerraformSettings terraform;
  std::map<std::string, ProviderConfig> providers;  // by Key()
  std::map<std::string, Variable> variables;
  std::map<std::string, Local> locals;
  std::map<std::string, Output> outputs;
  std::map<std::string, Resource> managed_resources;  // by "type.name"
  std::map<std::string, Resource> data_resources;     // by "type.name"
  std::map<std::string, ModuleCall> module_calls;
  std::vector<Moved> moved;
  std::vector<Import> imports;
  std::map<std::string, Check> checks;

  const Resource* FindResource(ResourceMode mode, const std::string& type,
                               const std::string& name) const;

  // Ownership of what the model points into.
  std::vector<hcl::File> native_files;
  std::vector<std::unique_ptr<hcl::JsonFile>> json_files;
  std::vector<std::unique_ptr<hcl::AnyBody>> remains;
};

// A node of the module tree: the root module, or a module call's module.
struct Config {
  std::unique_ptr<Module> module;
  std::vector<std::string> path;  // module call names from the root; empty for the root
  const Config* parent = nullptr;
  std::map<std::string, std::unique_ptr<Config>> children;  // by module call name

  // Where the configuration's files come from, shared by every module of the tree: the disk,
  // rooted at the root module's directory (LoadConfig), or exactly the files of an in-memory
  // template (LoadConfigFromFiles). The filesystem functions (file, fileset, templatefile...)
  // and resource arguments that name a file read only through it, with relative paths resolved
  // against the root module's directory. Null (a Config built by hand): no files at all.
  std::shared_ptr<const hcl::FileSource> files;

  bool IsRoot() const { return parent == nullptr; }
  // "module.net.module.subnet" ("" for the root).
  std::string PathString() const;
  // path.module: this module's directory relative to the root module's ("." for the root,
  // "modules/net" for a module called with source "./modules/net"), the form in which the file
  // functions find the module's files.
  std::string DirFromRoot() const;
};

}  // namespace fw::config
