"""PyTorch on one thread, for `npm run bench nn`: training steps per CPU-second of the same models as Lousa's
bench (the Bengio et al. (2003) character MLP with SGD; makemore's transformer with AdamW) and float32 matmul
GFLOP/s. Prints one JSON object per line. Usage: python3 bench/torch_nn.py [bengio] [gpt4] [gpt2] [matmul]."""
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(1)


def blas_libraries():
    """The BLAS shared libraries this process has mapped (Debian's torch uses whichever libblas.so.3 is chosen)."""
    a = torch.randn(64, 64)
    (a @ a).sum().item()
    libs = set()
    try:
        with open('/proc/self/maps') as f:
            for line in f:
                path = line.split()[-1]
                if 'blas' in path or 'lapack' in path or 'mkl' in path:
                    libs.add(path)
    except OSError:
        pass
    return sorted(libs)


def rate(step, seconds=3.0, warm=0.5):
    """Steps per CPU-second (process time), after a warm-up."""
    t = time.process_time()
    while time.process_time() - t < warm:
        step()
    n, t0 = 0, time.process_time()
    while time.process_time() - t0 < seconds:
        for _ in range(10):
            step()
        n += 10
    return n / (time.process_time() - t0)


def bengio():
    V, block, emb, hidden, B = 27, 3, 10, 200, 32
    C = torch.randn(V, emb, requires_grad=True)
    W1 = torch.randn(block * emb, hidden, requires_grad=True)
    b1 = torch.randn(hidden, requires_grad=True)
    W2 = torch.randn(hidden, V, requires_grad=True)
    b2 = torch.randn(V, requires_grad=True)
    params = [C, W1, b1, W2, b2]
    xs = [torch.randint(0, V, (B, block)) for _ in range(64)]
    ys = [torch.randint(0, V, (B,)) for _ in range(64)]
    k = [0]

    def step():
        i = k[0] % 64
        k[0] += 1
        h = torch.tanh(C[xs[i]].view(B, block * emb) @ W1 + b1)
        loss = F.cross_entropy(h @ W2 + b2, ys[i])
        for p in params:
            p.grad = None
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= 0.01 * p.grad
    return {'model': 'bengio', 'steps_per_cpu_s': rate(step)}


class Attention(nn.Module):
    def __init__(self, embd, heads, block):
        super().__init__()
        self.qkv = nn.Linear(embd, 3 * embd)
        self.proj = nn.Linear(embd, embd)
        self.heads = heads
        self.register_buffer('mask', torch.tril(torch.ones(block, block)).view(1, 1, block, block))

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.qkv(x).split(c, dim=2)
        q, k, v = (z.view(b, t, self.heads, c // self.heads).transpose(1, 2) for z in (q, k, v))
        s = (q @ k.transpose(-2, -1)) / math.sqrt(k.shape[-1])
        s = s.masked_fill(self.mask[:, :, :t, :t] == 0, float('-inf'))
        y = F.softmax(s, dim=-1) @ v
        return self.proj(y.transpose(1, 2).contiguous().view(b, t, c))


class Gelu(nn.Module):
    def forward(self, x):
        return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


class Block(nn.Module):
    def __init__(self, embd, heads, block):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(embd), nn.LayerNorm(embd)
        self.attn = Attention(embd, heads, block)
        self.mlp = nn.Sequential(nn.Linear(embd, 4 * embd), Gelu(), nn.Linear(4 * embd, embd))

    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


class Gpt(nn.Module):
    """makemore's Transformer: token and position embeddings, pre-norm blocks, final norm, head without bias."""

    def __init__(self, vocab, block, layers, heads, embd):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(vocab, embd), nn.Embedding(block, embd)
        self.blocks = nn.ModuleList(Block(embd, heads, block) for _ in range(layers))
        self.lnf = nn.LayerNorm(embd)
        self.head = nn.Linear(embd, vocab, bias=False)

    def forward(self, idx, targets):
        t = idx.shape[1]
        x = self.wte(idx) + self.wpe(torch.arange(t).unsqueeze(0))
        for b in self.blocks:
            x = b(x)
        logits = self.head(self.lnf(x))
        return F.cross_entropy(logits.view(-1, logits.shape[-1]), targets.view(-1), ignore_index=-1)


def gpt(layers):
    vocab, block, B = 27, 16, 32
    model = Gpt(vocab, block, layers, 4, 64)
    opt = torch.optim.AdamW(model.parameters(), lr=5e-4, weight_decay=0.01, betas=(0.9, 0.99), eps=1e-8)
    xs = [torch.randint(0, vocab, (B, block)) for _ in range(16)]
    ys = [torch.randint(0, vocab, (B, block)) for _ in range(16)]
    k = [0]

    def step():
        i = k[0] % 16
        k[0] += 1
        loss = model(xs[i], ys[i])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    return {'model': f'gpt{layers}', 'steps_per_cpu_s': rate(step)}


def matmul():
    out = {}
    for n in (64, 128, 256, 512):
        a, b = torch.randn(n, n), torch.randn(n, n)
        reps = [0]

        def step():
            torch.mm(a, b)
        r = rate(step, seconds=1.0, warm=0.2)
        out[str(n)] = 2 * n ** 3 * r / 1e9
    return {'model': 'matmul', 'gflops': out}


if __name__ == '__main__':
    print(json.dumps({'model': 'info', 'torch': torch.__version__, 'threads': torch.get_num_threads(), 'blas': blas_libraries()}), flush=True)
    for what in sys.argv[1:] or ['bengio', 'gpt4', 'gpt2', 'matmul']:
        r = bengio() if what == 'bengio' else gpt(int(what[3:])) if what.startswith('gpt') else matmul()
        print(json.dumps(r), flush=True)
