// Apply (engine.h): walks the graph with a fixed pool of `parallelism` workers. The calling
// thread coordinates: it evaluates variables, locals, outputs and module calls itself, expands
// resources and hands their instance changes to the workers; a resource node is done when all
// its instances are. Deletions are nodes of their own, ordered in reverse of the dependencies
// recorded in state. A failure marks every node downstream as skipped; other branches go on.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "base/ids.h"
#include "engine/cloud_calls.h"
#include "engine/diff.h"
#include "engine/engine.h"
#include "engine/instance_eval.h"
#include "engine/module_scope.h"
#include "engine/node_eval.h"

namespace fw::engine {
namespace {

using hcl::Value;
using Clock = std::chrono::steady_clock;

// A fixed pool of threads running jobs from a queue.
class WorkerPool {
 public:
  explicit WorkerPool(int threads) {
    for (int i = 0; i < std::max(1, threads); ++i) threads_.emplace_back([this] { Run(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  void Submit(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push_back(std::move(job));
    }
    cv_.notify_one();
  }

 private:
  void Run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return done_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool done_ = false;
  std::vector<std::thread> threads_;
};

struct DestroyGroup {
  std::string resource_address;
  std::vector<const ResourceChange*> changes;
};

struct NodeRun {
  int pending = 0;
  bool failed = false;           // an instance of this node failed
  bool upstream_failed = false;  // something it waits for failed or was skipped
};

class Executor {
 public:
  Executor(const config::Config& config, const Plan& plan, const State& prior,
           const Target& target, const ApplyOptions& options, ApplyResult& result)
      : config_(config),
        plan_(plan),
        target_(target),
        options_(options),
        result_(result),
        registry_(target.registry ? *target.registry : providers::Registry::Builtin()),
        calls_(target, config.files.get()),
        clock_(target) {
    result_.state = prior;
  }

  void Run() {
    BuildGraph();
    if (result_.diags.HasErrors()) return;
    std::vector<int> indeg = graph_.InDegrees();
    std::deque<int> ready;
    for (size_t i = 0; i < indeg.size(); ++i) {
      if (indeg[i] == 0) ready.push_back(static_cast<int>(i));
    }
    runs_.assign(graph_.size(), NodeRun{});
    size_t done = 0;
    {
      WorkerPool pool(options_.parallelism);
      pool_ = &pool;
      auto complete = [&](int id) {
        ++done;
        const bool bad = runs_[id].failed || runs_[id].upstream_failed;
        for (int d : graph_.Dependents(id)) {
          if (bad) runs_[d].upstream_failed = true;
          if (--indeg[d] == 0) ready.push_back(d);
        }
      };
      while (done < graph_.size()) {
        while (!ready.empty()) {
          int id = ready.front();
          ready.pop_front();
          if (Start(id) == 0) {
            FinishNode(id);
            complete(id);
          }
        }
        if (done == graph_.size()) break;
        std::vector<std::pair<int, bool>> finished;
        {
          std::unique_lock<std::mutex> lock(done_mu_);
          done_cv_.wait(lock, [&] { return !completions_.empty(); });
          finished.swap(completions_);
        }
        for (auto [id, ok] : finished) {
          if (!ok) runs_[id].failed = true;
          if (--runs_[id].pending == 0) {
            FinishNode(id);
            complete(id);
          }
        }
      }
      pool_ = nullptr;
    }
    FinishState();
  }

 private:
  void BuildGraph() {
    if (!plan_.destroy) {
      // plantimestamp() keeps the plan's value; timestamp() reads the clock at each call.
      EvalPhase phase{.clock = &clock_,
                      .planning = false,
                      .plan_timestamp = plan_.timestamp.value_or(clock_.Now())};
      walk_ = std::make_unique<Walk>(config_, registry_, phase, result_.diags);
      if (result_.diags.HasErrors()) return;
      std::vector<int> order, cycle;
      if (!walk_->graph().TopologicalOrder(&order, &cycle)) {
        result_.diags.AddError(walk_->CycleText(cycle), "", std::nullopt);
        return;
      }
      walk_->ComputeResourceDependencies(order);
      for (size_t i = 0; i < walk_->size(); ++i) graph_.AddNode();
      for (size_t i = 0; i < walk_->size(); ++i) {
        for (int d : walk_->graph().Dependents(static_cast<int>(i))) {
          graph_.AddEdge(static_cast<int>(i), d);
        }
      }
    }
    walk_nodes_ = static_cast<int>(graph_.size());
    std::unordered_map<std::string, int> destroy_ids;
    for (const ResourceChange& c : plan_.changes) {
      changes_[c.address.String()] = &c;
      if (c.action != Action::kDelete && c.action != Action::kDeleteThenCreate) continue;
      std::string raddr = c.address.ResourceAddress();
      auto [it, inserted] = destroy_ids.emplace(raddr, 0);
      if (inserted) {
        it->second = graph_.AddNode();
        destroy_.push_back({raddr, {}});
      }
      destroy_[it->second - walk_nodes_].changes.push_back(&c);
    }
    for (const DestroyGroup& g : destroy_) {
      int id = destroy_ids[g.resource_address];
      for (const ResourceChange* c : g.changes) {
        // What this one depended on is destroyed after it.
        for (const std::string& dep : c->dependencies) {
          auto it = destroy_ids.find(dep);
          if (it != destroy_ids.end() && it->second != id) graph_.AddEdge(id, it->second);
        }
      }
      // The configured resource is created again only after its old instances are gone.
      int config_node = ConfigNodeFor(g.changes.front()->address);
      if (config_node >= 0) graph_.AddEdge(id, config_node);
    }
    graph_.Dedupe();
    std::vector<int> order, cycle;
    if (!graph_.TopologicalOrder(&order, &cycle)) {
      result_.diags.AddError("Cycle in the deletion order of the recorded state", "",
                             std::nullopt);
    }
  }

  int ConfigNodeFor(const InstanceAddress& a) const {
    if (!walk_) return -1;
    const config::Config* cfg = &config_;
    size_t pos = 0;
    const std::string& m = a.module;
    while (pos < m.size()) {
      size_t start = m.find("module.", pos);
      if (start != pos) return -1;
      size_t end = start + 7;
      while (end < m.size() && m[end] != '[' && m[end] != '.') ++end;
      auto child = cfg->children.find(m.substr(start + 7, end - start - 7));
      if (child == cfg->children.end()) return -1;
      cfg = child->second.get();
      if (end < m.size() && m[end] == '[') end = m.find(']', end) + 1;
      pos = end < m.size() ? end + 1 : end;
    }
    const ModuleNodes& nodes = walk_->module(cfg);
    const auto& map = a.data ? nodes.data : nodes.managed;
    auto it = map.find(a.type + "." + a.name);
    return it == map.end() ? -1 : it->second;
  }

  // Starts node `id`; returns how many jobs it handed to the workers.
  int Start(int id) {
    if (id >= walk_nodes_) return StartDestroy(id);
    Node& n = walk_->node(id);
    if (n.kind != NodeKind::kResource) {
      if (runs_[id].upstream_failed) {
        walk_->PrepareStore(id);
      } else {
        EvaluateValueNode(*walk_, id, plan_.variables, result_.diags);
      }
      return 0;
    }
    walk_->PrepareStore(id);
    if (!NodeSchema(n)) return 0;
    const bool skip = runs_[id].upstream_failed;
    const std::string region = ProviderRegion(*walk_, n, target_.default_region);
    int jobs = 0;
    for (const ModuleInstance* mi : walk_->module(n.cfg).instances) {
      if (skip) {
        SkipResource(n, *mi);
        continue;
      }
      ExpandResourceSlot(*walk_, id, *mi, result_.diags);
      ResourceSlot& slot = n.resources[mi->position];
      if (!slot.expanded) {
        runs_[id].failed = true;
        continue;
      }
      for (size_t i = 0; i < slot.keys.size(); ++i) {
        std::string addr = MakeAddress(n, *mi, slot.keys[i]).String();
        auto it = changes_.find(addr);
        const ResourceChange* change = it == changes_.end() ? nullptr : it->second;
        const bool work = n.data_type || (change && change->action != Action::kNoOp);
        if (!work) {
          slot.values[i] = change ? change->before : PriorValue(addr);
          continue;
        }
        if (Stopped()) {
          Skip(addr, "The apply was stopped before this instance started.");
          slot.values[i] = change && !change->before.IsNull() ? change->before
                                                              : Value::DynamicUnknown();
          continue;
        }
        ++jobs;
        pool_->Submit([this, id, mi, i, change, addr, region] {
          bool ok = RunInstance(id, *mi, i, change, addr, region);
          Done(id, ok);
        });
      }
    }
    runs_[id].pending = jobs;
    return jobs;
  }

  void SkipResource(const Node& n, const ModuleInstance& mi) {
    ResourceSlot& slot = const_cast<Node&>(n).resources[mi.position];
    // The keys the plan had for this resource in this module instance.
    const std::string prefix = MakeAddress(n, mi, Value()).ResourceAddress();
    for (const ResourceChange& c : plan_.changes) {
      if (c.address.ResourceAddress() != prefix) continue;
      if (c.action != Action::kNoOp && c.action != Action::kDelete) {
        Skip(c.address.String(), "A resource this one depends on failed.");
      }
    }
    (void)slot;
  }

  int StartDestroy(int id) {
    const DestroyGroup& g = destroy_[id - walk_nodes_];
    int jobs = 0;
    for (const ResourceChange* c : g.changes) {
      if (runs_[id].upstream_failed || Stopped()) {
        Skip(c->address.String(), runs_[id].upstream_failed
                                      ? "A resource that depends on this one failed to be destroyed."
                                      : "The apply was stopped before this instance started.");
        continue;
      }
      ++jobs;
      pool_->Submit([this, id, c] { Done(id, RunDelete(*c, c->address.String(), "delete")); });
    }
    runs_[id].pending = jobs;
    if (jobs == 0 && runs_[id].upstream_failed) runs_[id].failed = true;
    return jobs;
  }

  void FinishNode(int id) {
    if (id >= walk_nodes_) return;
    Node& n = walk_->node(id);
    if (n.kind != NodeKind::kResource) return;
    for (ResourceSlot& slot : n.resources) slot.whole = WholeResourceValue(slot);
  }

  void Done(int id, bool ok) {
    {
      std::lock_guard<std::mutex> lock(done_mu_);
      completions_.emplace_back(id, ok);
    }
    done_cv_.notify_one();
  }

  bool Stopped() const {
    return stop_.load() || (target_.cancelled && target_.cancelled->load());
  }

  Value PriorValue(const std::string& addr) {
    std::lock_guard<std::mutex> lock(state_mu_);
    const InstanceState* s = result_.state.Find(addr);
    return s ? s->MarkedAttributes() : Value::DynamicUnknown();
  }

  void Skip(const std::string& addr, const std::string& why) {
    std::lock_guard<std::mutex> lock(state_mu_);
    result_.skipped.push_back(addr);
    (void)why;
  }

  // Runs one instance's change on a worker. Returns false when it failed.
  bool RunInstance(int id, const ModuleInstance& mi, size_t i, const ResourceChange* change,
                   const std::string& addr, const std::string& provider_region) {
    Node& n = walk_->node(id);
    ResourceSlot& slot = n.resources[mi.position];
    const Clock::time_point start = Clock::now();
    if (change) Started(*change);
    hcl::Diagnostics diags;
    Value config = DecodeInstance(*walk_, n, mi, slot, i, addr, diags);
    if (diags.HasErrors()) {
      slot.values[i] = change ? change->before : Value::DynamicUnknown();
      return Fail(change, addr, diags[0].summary + ": " + diags[0].detail, start, nullptr);
    }
    const providers::Schema& schema = *NodeSchema(n);
    std::vector<hcl::PathMarks> marks;
    Value plain = config.UnmarkDeepWithPaths(&marks);
    const std::string region = InstanceRegion(config, provider_region);
    const Action action = change ? change->action : Action::kRead;
    auto ctx = calls_.Context(region, addr, ActionName(action));
    if (!ctx.ok()) return Fail(change, addr, ctx.status().message(), start, nullptr);
    Result<Value> r = Value();
    if (n.data_type) {
      r = n.data_type->Read(*ctx, plain);
    } else {
      const providers::ResourceType& type = *n.resource_type;
      Value prior = change->before.UnmarkDeep();
      // Marks the type's planning derives from marked inputs (terraform_data's output of a
      // sensitive input) stay on the new state, like the configuration's own.
      std::vector<hcl::PathMarks> planned_marks;
      type.Plan(action == Action::kUpdate ? prior : Value::Null(schema.block.ImpliedType()),
                config)
          .UnmarkDeepWithPaths(&planned_marks);
      marks.insert(marks.end(), planned_marks.begin(), planned_marks.end());
      plain = ApplyIgnoreChanges(n.resource->lifecycle, plain, prior);
      if (action == Action::kUpdate) {
        r = type.Update(*ctx, prior, type.Plan(prior, plain).UnmarkDeep());
      } else {
        r = type.Create(*ctx, type.Plan(Value::Null(schema.block.ImpliedType()), plain).UnmarkDeep());
      }
    }
    if (!r.ok()) {
      slot.values[i] = change ? change->before : Value::DynamicUnknown();
      return Fail(change, addr, r.status().message(), start, nullptr);
    }
    Value marked = MarkSensitive(schema.block, marks.empty() ? *r : r->MarkWithPaths(marks));
    slot.values[i] = marked;
    InstanceState s;
    s.address = MakeAddress(n, mi, slot.keys[i]);
    s.provider = ProviderAddress(config_, *n.resource);
    s.region = region;
    std::vector<hcl::PathMarks> paths;
    s.attributes = marked.UnmarkDeepWithPaths(&paths);
    for (auto& p : paths) {
      if (p.marks & hcl::kSensitive) s.sensitive_paths.push_back(std::move(p.path));
    }
    s.dependencies = DependencyAddresses(*walk_, n, mi);
    bool ok = Record(change, addr, std::move(s), start);
    if (ok && action == Action::kCreateThenDelete) {
      ok = RunDelete(*change, addr, "delete", /*keep_state=*/true);
    }
    return ok;
  }

  bool RunDelete(const ResourceChange& c, const std::string& addr, std::string_view action,
                 bool keep_state = false) {
    const Clock::time_point start = Clock::now();
    if (!keep_state) Started(c);
    const providers::ResourceType* type = registry_.FindResource(c.address.type);
    if (!type) return Fail(&c, addr, "Unknown resource type " + c.address.type, start, nullptr);
    std::string region = target_.default_region;
    {
      std::lock_guard<std::mutex> lock(state_mu_);
      if (const InstanceState* s = result_.state.Find(addr); s && !s->region.empty()) {
        region = s->region;
      }
    }
    auto ctx = calls_.Context(region, addr, action);
    if (!ctx.ok()) return Fail(&c, addr, ctx.status().message(), start, nullptr);
    Status st = type->Delete(*ctx, c.before.UnmarkDeep());
    if (!st.ok()) return Fail(&c, addr, st.message(), start, nullptr);
    if (keep_state) return true;
    std::lock_guard<std::mutex> lock(state_mu_);
    result_.state.instances.erase(addr);
    changed_ = true;
    return Notify(&c, InstanceOutcome::kSucceeded, "", nullptr, start);
  }

  void Started(const ResourceChange& c) {
    if (!options_.observer) return;
    std::lock_guard<std::mutex> lock(state_mu_);
    options_.observer->OnStarted(c);
  }

  bool Record(const ResourceChange* c, const std::string& addr, InstanceState s,
              Clock::time_point start) {
    std::lock_guard<std::mutex> lock(state_mu_);
    auto& slot = result_.state.instances[addr];
    slot = std::move(s);
    if (c) changed_ = true;
    return Notify(c, InstanceOutcome::kSucceeded, "", &slot, start);
  }

  bool Fail(const ResourceChange* c, const std::string& addr, const std::string& message,
            Clock::time_point start, const InstanceState* s) {
    std::lock_guard<std::mutex> lock(state_mu_);
    result_.failures.push_back({addr, message});
    Notify(c, InstanceOutcome::kFailed, message, s, start);
    return false;
  }

  // Tells the observer (state_mu_ held). A refusal stops the apply.
  bool Notify(const ResourceChange* c, InstanceOutcome outcome, const std::string& message,
              const InstanceState* s, Clock::time_point start) {
    if (!options_.observer || !c) return true;
    InstanceEvent e;
    e.change = c;
    e.outcome = outcome;
    e.message = message;
    e.state = s;
    e.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    Status st = options_.observer->OnFinished(e, result_.state);
    if (st.ok()) return true;
    stop_ = true;
    result_.failures.push_back({c->address.String(), "Recording the result failed: " + st.message()});
    return false;
  }

  void FinishState() {
    State& st = result_.state;
    if (plan_.destroy) {
      for (auto it = st.instances.begin(); it != st.instances.end();) {
        it = it->second.address.data ? st.instances.erase(it) : std::next(it);
      }
      if (!st.outputs.empty()) changed_ = true;
      st.outputs.clear();
    } else if (walk_) {
      const ModuleNodes& root = walk_->module(&walk_->root());
      std::map<std::string, OutputState> outputs;
      for (const auto& [name, id] : root.outputs) {
        const Node& n = walk_->node(id);
        auto prior = st.outputs.find(name);
        if (runs_[id].upstream_failed || n.values.empty() ||
            !n.values[0].UnmarkDeep().IsWhollyKnown()) {
          if (prior != st.outputs.end()) outputs[name] = prior->second;
          continue;
        }
        OutputState o{n.values[0].UnmarkDeep(), n.output->sensitive};
        if (prior == st.outputs.end() || ValuesDiffer(prior->second.value, o.value)) {
          changed_ = true;
        }
        outputs[name] = std::move(o);
      }
      if (outputs.size() != st.outputs.size()) changed_ = true;
      st.outputs = std::move(outputs);
    }
    if (changed_) {
      ++st.serial;
      if (st.lineage.empty()) st.lineage = NewUuid();
    }
  }

  const config::Config& config_;
  const Plan& plan_;
  const Target& target_;
  const ApplyOptions& options_;
  ApplyResult& result_;
  const providers::Registry& registry_;
  CloudCalls calls_;
  const TargetClock clock_;
  std::unique_ptr<Walk> walk_;
  Graph graph_;
  int walk_nodes_ = 0;
  std::vector<DestroyGroup> destroy_;
  std::unordered_map<std::string, const ResourceChange*> changes_;
  std::vector<NodeRun> runs_;  // coordinator only
  WorkerPool* pool_ = nullptr;
  std::atomic<bool> stop_{false};

  std::mutex done_mu_;
  std::condition_variable done_cv_;
  std::vector<std::pair<int, bool>> completions_;  // guarded by done_mu_

  std::mutex state_mu_;  // guards result_ (state, failures, skipped), changed_, the observer
  bool changed_ = false;
};

}  // namespace

ApplyResult Apply(const config::Config& config, const Plan& plan, const State& prior,
                  const Target& target, const ApplyOptions& options) {
  ApplyResult result;
  Executor(config, plan, prior, target, options, result).Run();
  return result;
}

}  // namespace fw::engine
