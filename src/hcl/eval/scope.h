// Scope: where the evaluator finds the values of the names an expression refers to.
//
// An expression's references are absolute traversals (`var.region`, `aws_vpc.main.id`,
// `count.index`, `each.value`, `path.module`...). The evaluator asks the scope for the value of
// the first name (the root) and applies the remaining steps itself, so a scope only has to
// produce one value per root: `var` → an object of the module's variables, `aws_vpc` → an object
// of the `aws_vpc` resources by name, `data` → object of types of objects of names, and so on.
// A large scope may also resolve a longer prefix directly (Resolve) so that it does not have to
// build the object of every resource of a type for one lookup.
//
// Thread-safety: the evaluator only calls const methods; implementations say whether they are
// safe to share (MapScope is immutable after construction).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "hcl/expression.h"
#include "hcl/value.h"

namespace fw::hcl {

class Scope {
 public:
  virtual ~Scope() = default;

  // The value of the root name `name`, or nullopt when the name is not defined ("Unknown
  // variable").
  virtual std::optional<Value> Root(std::string_view name) const = 0;

  // Optional shortcut: resolves the first `n` (n >= 1) steps of `traversal` into `*out` and
  // returns n, or returns 0 to let the evaluator use Root() and walk the steps itself.
  virtual size_t Resolve(const Traversal& traversal, Value* out) const {
    (void)traversal;
    (void)out;
    return 0;
  }
};

// A scope of named root values (tests, templatefile, tfvars).
class MapScope final : public Scope {
 public:
  MapScope() = default;
  explicit MapScope(std::map<std::string, Value, std::less<>> roots) : roots_(std::move(roots)) {}

  void Set(std::string name, Value value) { roots_.insert_or_assign(std::move(name), value); }
  std::optional<Value> Root(std::string_view name) const override;
  const std::map<std::string, Value, std::less<>>& roots() const { return roots_; }

 private:
  std::map<std::string, Value, std::less<>> roots_;
};

}  // namespace fw::hcl
