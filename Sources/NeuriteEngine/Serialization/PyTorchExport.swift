/// A self-contained PyTorch training script equivalent to a Neurite network and its training options.
///
/// The script defines the same `nn.Sequential` (so the safetensors file from ``ModelArchive`` loads
/// with `load_state_dict`, weights as saved: nothing is re-initialised), reads the data from a CSV
/// written by ``CSVWriter/dataset(_:labels:delimiter:)`` with `labels: .indices`, and trains with the
/// same loss, optimizer, schedule, clipping, batch size and epochs, printing the loss per epoch as
/// `epoch N: loss L`. Where PyTorch's defaults differ from Neurite's, the script writes Neurite's
/// choice out: BCE and softmax cross-entropy on the logits before a final sigmoid/softmax, Adam's ε
/// added to √v̂ (PyTorch's placement, the same as Neurite's), momentum as v ← μv + g (PyTorch's
/// convention, no dampening), weight decay on weight matrices only (a parameter group for biases),
/// AdamW's decay given explicitly (PyTorch's default is 0.01), the L1 and L2 penalties (PyTorch
/// has none: their gradients are added to the weight matrices' before clipping, as Neurite does),
/// norm clipping without PyTorch's 1e-6 in the denominator, and the learning-rate schedule as the
/// same formula of the step.
///
/// It runs as `python net.py`, and unchanged as `torchrun --nproc_per_node=N net.py`: with
/// `WORLD_SIZE` > 1 it uses DistributedDataParallel (gloo on CPU, nccl on GPUs), each process takes
/// an interleaved share of every batch, and the shares' losses are weighted so that the update is
/// the whole batch's. `python net.py --predict out.csv` writes the loaded model's outputs on the
/// data instead of training.
///
/// Not reproduced: the order of shuffled minibatches and dropout masks (PyTorch's generator, seeded),
/// a validation split and early stopping (the CSV should hold the training rows).
public enum PyTorchExport {
    /// What the data's target columns are.
    public enum Targets: Sendable, Equatable {
        /// One column of class indices 0..<count.
        case classes(count: Int)
        /// `width` columns of real values.
        case values(width: Int)
    }

    /// The script text. `weightsFile` and `dataFile` are paths relative to the script's folder (or absolute).
    public static func script(
        definition: ModelDefinition, training: TrainingOptions, targets: Targets, weightsFile: String, dataFile: String
    ) throws(ModelArchiveError) -> String {
        let modules = definition.modules
        let lastIsSigmoid: Bool
        if case .activation(.builtin(.sigmoid))? = modules.last { lastIsSigmoid = true } else { lastIsSigmoid = false }
        let lastIsSoftmax: Bool
        if case .softmax? = modules.last { lastIsSoftmax = true } else { lastIsSoftmax = false }
        let loss = training.loss
        let fused = (loss == .binaryCrossEntropy && lastIsSigmoid) || (loss == .softmaxCrossEntropy && lastIsSoftmax)
        let outputWidth = modules.reduce(definition.inputWidth) { width, module in
            if case let .linear(_, outputs) = module { return outputs }
            return width
        }

        var customClasses: [String] = []
        var lines: [String] = []
        for (index, module) in modules.enumerated() {
            let text: String
            switch module {
            case let .linear(inputs, outputs): text = "nn.Linear(\(inputs), \(outputs))"
            case .softmax: text = "nn.Softmax(dim=1)"
            case .dropout(let rate): text = "nn.Dropout(p=\(PyTorchExpressions.literal(rate)))"
            case .activation(.builtin(let activation)): text = PyTorchExpressions.module(activation)
            case .activation(.custom(let user)):
                let name = PyTorchExpressions.className(user.name, index: index)
                customClasses.append("""
                    class \(name)(nn.Module):
                        \"\"\"Neurite's user-defined activation '\(pythonComment(user.name))'.\"\"\"

                        def forward(self, x):
                            return \(PyTorchExpressions.torch(user.expression))
                    """)
                text = "\(name)()"
            }
            lines.append("        \(text),  # \(index)")
        }

        let lossLine: String
        switch loss {
        case .meanSquaredError: lossLine = "F.mse_loss(output, target)  # mean over every value"
        case .meanAbsoluteError: lossLine = "F.l1_loss(output, target)  # mean over every value"
        case .huber(let delta): lossLine = "F.huber_loss(output, target, delta=\(PyTorchExpressions.literal(delta)))"
        case .binaryCrossEntropy: lossLine = "F.binary_cross_entropy_with_logits(output, target)  # Neurite's BCE takes logits"
        case .softmaxCrossEntropy: lossLine = "F.cross_entropy(output, target)  # from logits, mean over rows"
        }
        let targetKind: String
        switch targets {
        case .values(let width): targetKind = "\"values\"  # \(width) column\(width == 1 ? "" : "s")"
        case .classes:
            if loss == .softmaxCrossEntropy { targetKind = "\"indices\"" }
            else if outputWidth > 1 { targetKind = "\"one_hot\"  # an elementwise loss on one output per class" }
            else { targetKind = "\"binary\"  # 0/1 for the single output" }
        }
        let optimizer = try optimizerLine(training.optimizer)
        let options = training.optimizer
        let clipValue = options.clipValue.map(PyTorchExpressions.literal) ?? "None"
        let clipNorm = options.clipNorm.map(PyTorchExpressions.literal) ?? "None"
        var notes: [String] = []
        if training.validationFraction > 0 || training.validationData != nil {
            notes.append("# Neurite held out validation data; this script trains on every row of DATA.")
        }
        if training.earlyStopping != nil { notes.append("# Neurite stopped early when the loss stopped improving; this script runs every epoch.") }
        let label = definition.label.map { " '\(pythonComment($0))'" } ?? ""

        return """
            #!/usr/bin/env python3
            # PyTorch version of the Neurite model\(label), written by Neurite.
            # python net.py                          trains and prints the loss per epoch
            # python net.py --predict out.csv        writes the loaded model's outputs on DATA
            # torchrun --nproc_per_node=N net.py     the same training with DistributedDataParallel
            # Needs: torch, safetensors. The weights are loaded from WEIGHTS, never re-initialised.
            \(notes.joined(separator: "\n"))
            import csv
            import math
            import os
            import sys

            import torch
            import torch.distributed as dist
            import torch.nn as nn
            import torch.nn.functional as F
            from safetensors.torch import load_file

            HERE = os.path.dirname(os.path.abspath(__file__))
            WEIGHTS = os.path.join(HERE, \(pythonString(weightsFile)))
            DATA = os.path.join(HERE, \(pythonString(dataFile)))
            INPUTS = \(definition.inputWidth)
            OUTPUTS = \(outputWidth)
            TARGETS = \(targetKind)
            EPOCHS = \(training.epochs)
            BATCH_SIZE = \(training.batchSize)
            SHUFFLE = \(training.shuffle ? "True" : "False")
            SEED = \(training.seed)
            BASE_LR = \(PyTorchExpressions.literal(options.learningRate))
            WEIGHT_DECAY = \(PyTorchExpressions.literal(options.weightDecay))  # weight matrices only, never biases
            L1 = \(PyTorchExpressions.literal(options.l1))  # penalty L1*|W|_1 on weight matrices: L1*sign(w) joins the gradient
            L2 = \(PyTorchExpressions.literal(options.l2))  # penalty (L2/2)*|W|^2 on weight matrices: L2*w joins the gradient
            CLIP_VALUE = \(clipValue)
            CLIP_NORM = \(clipNorm)
            # \(fused ? "The loss reads the logits, before the final \(lastIsSigmoid ? "sigmoid" : "softmax") (fused and stable), as Neurite's does." : "The loss reads the model's outputs.")
            LOSS_ON_LOGITS = \(fused ? "True" : "False")


            def _round_half_away(a):
                whole = torch.trunc(a)
                return torch.where(torch.abs(a - whole) >= 0.5, whole + torch.sign(a), whole)


            \(customClasses.joined(separator: "\n\n\n"))


            def build_model():
                return nn.Sequential(
            \(lines.joined(separator: "\n"))
                )


            def lr_factor(step):
                \"\"\"Neurite's learning-rate schedule: the factor of BASE_LR at optimizer step `step` (0 first).\"\"\"
                return \(PyTorchExpressions.schedule(options.schedule))


            def loss_of(output, target):
                return \(lossLine)


            def make_optimizer(model):
                weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
                biases = [p for name, p in model.named_parameters() if not name.endswith("weight")]
                groups = [{"params": weights, "weight_decay": WEIGHT_DECAY}, {"params": biases, "weight_decay": 0.0}]
                return \(optimizer)


            def add_penalties(model):
                # Neurite's L1 and L2 penalties: their gradients join the weight matrices' (after DDP's
                # average, the same on every process), before clipping; the printed loss leaves them out.
                if L1 == 0.0 and L2 == 0.0:
                    return
                with torch.no_grad():
                    for name, p in model.named_parameters():
                        if name.endswith("weight") and p.grad is not None:
                            p.grad.add_(L1 * torch.sign(p) + L2 * p)


            def clip_gradients(parameters):
                grads = [p.grad for p in parameters if p.grad is not None]
                if CLIP_VALUE is not None:
                    for g in grads:
                        g.clamp_(-CLIP_VALUE, CLIP_VALUE)
                if CLIP_NORM is not None:
                    # Neurite scales by CLIP_NORM / norm when norm > CLIP_NORM (no 1e-6 as in clip_grad_norm_).
                    norm = math.sqrt(sum(float((g.double() ** 2).sum()) for g in grads))
                    if norm > CLIP_NORM:
                        for g in grads:
                            g.mul_(CLIP_NORM / norm)


            def load_data(device):
                with open(DATA, newline="", encoding="utf-8") as file:
                    rows = list(csv.reader(file))[1:]
                x = torch.tensor([[float(v) for v in row[:INPUTS]] for row in rows], dtype=torch.float32)
                if TARGETS == "values":
                    t = torch.tensor([[float(v) for v in row[INPUTS:]] for row in rows], dtype=torch.float32)
                else:
                    labels = torch.tensor([int(row[INPUTS]) for row in rows], dtype=torch.long)
                    if TARGETS == "indices":
                        t = labels
                    elif TARGETS == "one_hot":
                        t = F.one_hot(labels, OUTPUTS).to(torch.float32)
                    else:
                        t = labels.to(torch.float32).unsqueeze(1)
                return x.to(device), t.to(device)


            class Trained(nn.Module):
                \"\"\"The layers the loss reads: all of them, or all but a final sigmoid/softmax.\"\"\"

                def __init__(self, model):
                    super().__init__()
                    self.body = model[:-1] if LOSS_ON_LOGITS else model

                def forward(self, x):
                    return self.body(x)


            def main():
                distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
                if distributed:
                    backend = "nccl" if torch.cuda.is_available() else "gloo"
                    dist.init_process_group(backend)
                    rank, world = dist.get_rank(), dist.get_world_size()
                    if backend == "nccl":
                        device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
                        torch.cuda.set_device(device)
                    else:
                        device = torch.device("cpu")
                else:
                    rank, world = 0, 1
                    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
                torch.manual_seed(SEED)
                model = build_model()
                model.load_state_dict(load_file(WEIGHTS))
                model.to(device)
                x, t = load_data(device)

                if len(sys.argv) == 3 and sys.argv[1] == "--predict":
                    model.eval()
                    with torch.no_grad():
                        out = model(x).cpu()
                    if rank == 0:
                        with open(sys.argv[2], "w", newline="") as file:
                            writer = csv.writer(file, lineterminator="\\n")
                            writer.writerow([f"output{j + 1}" for j in range(out.shape[1])])
                            writer.writerows([[repr(float(v)) for v in row] for row in out.tolist()])
                    return

                trained = Trained(model)
                net = nn.parallel.DistributedDataParallel(trained) if distributed else trained
                optimizer = make_optimizer(model)
                parameters = list(model.parameters())
                n = x.shape[0]
                batch = min(BATCH_SIZE, n)
                generator = torch.Generator().manual_seed(SEED)
                step = 0
                for epoch in range(1, EPOCHS + 1):
                    net.train()
                    order = torch.randperm(n, generator=generator) if SHUFFLE else torch.arange(n)
                    loss_sum = torch.zeros(2, dtype=torch.float64, device=device)
                    for start in range(0, n, batch):
                        rows = order[start:start + batch]
                        mine = rows[rank::world].to(device)
                        for group in optimizer.param_groups:
                            group["lr"] = BASE_LR * lr_factor(step)
                        optimizer.zero_grad(set_to_none=False)
                        if len(mine) > 0:
                            loss = loss_of(net(x[mine]), t[mine])
                            # DDP averages the processes' gradients: weight each share so the update is the batch mean.
                            (loss * (len(mine) * world / len(rows))).backward()
                            loss_sum += torch.stack([loss.detach().double() * len(mine), torch.tensor(float(len(mine)), dtype=torch.float64, device=device)])
                        else:
                            (net(x[rows[:1].to(device)]).sum() * 0.0).backward()
                        add_penalties(model)
                        clip_gradients(parameters)
                        optimizer.step()
                        step += 1
                    if distributed:
                        dist.all_reduce(loss_sum)
                    if rank == 0:
                        print(f"epoch {epoch}: loss {float(loss_sum[0] / loss_sum[1])!r}", flush=True)
                if distributed:
                    dist.barrier()
                    dist.destroy_process_group()


            if __name__ == "__main__":
                main()

            """
    }

    private static func optimizerLine(_ options: OptimizerOptions) throws(ModelArchiveError) -> String {
        let l = PyTorchExpressions.literal
        switch options.kind {
        case .sgd: return "torch.optim.SGD(groups, lr=BASE_LR, momentum=0.0)"
        case .momentum(let mu):
            return "torch.optim.SGD(groups, lr=BASE_LR, momentum=\(l(mu)), dampening=0.0, nesterov=False)  # v = mu*v + g; w -= lr*v"
        case .nesterov(let mu):
            return "torch.optim.SGD(groups, lr=BASE_LR, momentum=\(l(mu)), dampening=0.0, nesterov=True)  # w -= lr*(g + mu*v)"
        case let .adam(b1, b2, eps):
            return "torch.optim.Adam(groups, lr=BASE_LR, betas=(\(l(b1)), \(l(b2))), eps=\(l(eps)))  # eps added to sqrt(v_hat); decay added to the gradient"
        case let .adamW(b1, b2, eps):
            return "torch.optim.AdamW(groups, lr=BASE_LR, betas=(\(l(b1)), \(l(b2))), eps=\(l(eps)))  # decoupled decay, from WEIGHT_DECAY"
        case let .rmsProp(rho, eps):
            return "torch.optim.RMSprop(groups, lr=BASE_LR, alpha=\(l(rho)), eps=\(l(eps)), momentum=0.0, centered=False)"
        case .adagrad(let eps):
            return "torch.optim.Adagrad(groups, lr=BASE_LR, lr_decay=0.0, eps=\(l(eps)), initial_accumulator_value=0.0)"
        }
    }

    /// A Python string literal (double-quoted, escaped).
    static func pythonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Text safe inside a comment or docstring (no line breaks, quotes or backslashes).
    static func pythonComment(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\"" && $0 != "\\" && $0 != "'" }.map(Character.init))
    }
}
