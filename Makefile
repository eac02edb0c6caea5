# docksim: a teaching shell that simulates Docker.
#
#   make run      build, then start docksim (installs missing build deps)
#   make test     build, then run every test (installs missing build deps)
#   make check    the suite under ASan+UBSan, then under valgrind
#   make bench    parser and start-to-prompt benchmarks (bench/)
#   make install PREFIX=/usr/local DESTDIR=   /   make uninstall
#
# CC, CFLAGS, CPPFLAGS, LDFLAGS and LDLIBS belong to the user (GNU
# conventions); the project's own flags live in ALL_*.
# Comments stay on their own lines: make keeps trailing blanks in values.

PROG    := docksim
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
O       ?= build
CFLAGS  ?= -O2 -g
CORPUS  ?= ../shared/corpus

WARN := -std=c17 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
        -Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla \
        -Wno-format-nonliteral
ifeq ($(WERROR),1)
WARN += -Werror
endif

# Evaluated lazily (at link time), after `deps` has installed the packages.
RL_CFLAGS = $(shell pkg-config --cflags readline 2>/dev/null)
RL_LIBS   = $(shell pkg-config --libs readline 2>/dev/null || echo -lreadline)
CM_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CM_LIBS   = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Isrc $(CPPFLAGS)
ALL_CFLAGS   = $(WARN) $(CFLAGS) $(SAN)
ALL_LDFLAGS  = $(LDFLAGS) $(SAN)

APP_SRCS  := src/main.c $(wildcard src/line_input.c)
LIB_SRCS  := $(filter-out $(APP_SRCS),$(wildcard src/*.c))
LIB_OBJS  := $(LIB_SRCS:%.c=$(O)/%.o)
APP_OBJS  := $(APP_SRCS:%.c=$(O)/%.o)
TEST_BINS := $(patsubst %.c,$(O)/%,$(wildcard tests/unit/test_*.c))
CONF_BIN  := $(O)/tests/conformance/conformance
LINT_CONF := $(O)/tests/conformance/lint_conformance
ENGINE_BIN := $(O)/tests/conformance/engine
BENCH_BIN := $(O)/bench/bench_parse
SIM_BIN   := $(O)/bench/bench_sim
PTY_BIN   := $(O)/tests/pty/pty_shell
START_BIN := $(O)/bench/bench_startup
PTY_UTIL  := $(O)/tests/pty/ptyutil.o
ALL_OBJS  := $(LIB_OBJS) $(APP_OBJS) $(TEST_BINS:=.o) $(CONF_BIN).o \
             $(LINT_CONF).o $(ENGINE_BIN).o $(BENCH_BIN).o $(SIM_BIN).o \
             $(PTY_BIN).o $(START_BIN).o $(PTY_UTIL)

.PHONY: all run test check bench bench-startup install uninstall clean \
        deps build-test run-tests lint
.DELETE_ON_ERROR:
.SECONDARY:

all: $(O)/$(PROG)

$(O)/libdocksim.a: $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

# A fast start (issue 5: <= 5 ms to the prompt; bench/README.md has the
# numbers): readline and ncurses' tinfo come from their static archives
# when the compiler finds them (no shared-library loading), and the
# program is not a PIE (a PIE makes the loader relocate ~8,400 pointers
# in docksim's tables at every start). STATIC_RL=0 PIE=1: the usual link.
STATIC_RL ?= 1
PIE       ?= 0
RL_A       = $(if $(filter 1,$(STATIC_RL)),$(shell $(CC) -print-file-name=libreadline.a))
TINFO_A    = $(if $(filter 1,$(STATIC_RL)),$(shell $(CC) -print-file-name=libtinfo.a))
APP_LIBS   = $(if $(and $(filter /%,$(RL_A)),$(filter /%,$(TINFO_A))),$(RL_A) $(TINFO_A),$(RL_LIBS))
APP_LINK   = $(if $(filter 0,$(PIE)),-no-pie)

$(O)/$(PROG): $(APP_OBJS) $(O)/libdocksim.a
	$(CC) $(ALL_LDFLAGS) $(APP_LINK) -o $@ $(APP_OBJS) $(O)/libdocksim.a $(APP_LIBS) $(LDLIBS)

$(O)/tests/unit/%: $(O)/tests/unit/%.o $(O)/libdocksim.a
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(O)/libdocksim.a $(CM_LIBS) $(LDLIBS)

$(CONF_BIN): $(CONF_BIN).o $(O)/libdocksim.a
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(O)/libdocksim.a $(LDLIBS)

$(LINT_CONF) $(ENGINE_BIN): %: %.o $(O)/libdocksim.a
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(O)/libdocksim.a $(LDLIBS)

$(BENCH_BIN) $(SIM_BIN): %: %.o $(O)/libdocksim.a
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(O)/libdocksim.a $(LDLIBS)

# the shell in a pseudo-terminal (test) and its start-to-prompt time (bench)
$(PTY_BIN) $(START_BIN): %: %.o $(PTY_UTIL)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# readline's and cmocka's flags only where they are included
$(O)/src/line_input.o: ALL_CPPFLAGS += $(RL_CFLAGS)
$(TEST_BINS:=.o): ALL_CPPFLAGS += $(CM_CFLAGS)

deps:
	@scripts/ensure-deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	./$(O)/$(PROG)

test: deps
	@$(MAKE) --no-print-directory build-test
	@$(MAKE) --no-print-directory run-tests

build-test: $(O)/$(PROG) $(TEST_BINS) $(CONF_BIN) $(PTY_BIN) $(LINT_CONF) $(ENGINE_BIN) $(BENCH_BIN) $(SIM_BIN)

run-tests:
	@set -e; for t in $(TEST_BINS); do $(VALGRIND) $$t; done
	@$(VALGRIND) $(CONF_BIN) $(CORPUS)
	@$(VALGRIND) $(LINT_CONF) $(CORPUS)
	@$(VALGRIND) $(ENGINE_BIN) $(CORPUS)
	@VALGRIND="$(VALGRIND)" tests/golden/run.sh $(O)/$(PROG)
	@$(VALGRIND) $(O)/$(PROG) lessons check --dir lessons
	@VALGRIND="$(VALGRIND)" $(PTY_BIN) $(O)/$(PROG)

# The full gate: sanitizers, then valgrind on a plain build.
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
VG_FLAGS  := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
check:
	@scripts/ensure-deps.sh check
	@$(MAKE) --no-print-directory O=build-san SAN='$(SAN_FLAGS)' build-test
	ASAN_OPTIONS=detect_leaks=1 $(MAKE) --no-print-directory O=build-san SAN='$(SAN_FLAGS)' run-tests
	@$(MAKE) --no-print-directory O=build-vg build-test
	$(MAKE) --no-print-directory O=build-vg VALGRIND='$(VG_FLAGS)' run-tests

bench: $(BENCH_BIN) $(SIM_BIN) $(START_BIN) $(O)/$(PROG)
	bench/run.sh $(BENCH_BIN) $(CORPUS)
	$(SIM_BIN)
	$(START_BIN) $(O)/$(PROG)

bench-startup: $(START_BIN) $(O)/$(PROG)
	$(START_BIN) $(O)/$(PROG)

install: $(O)/$(PROG)
	install -d '$(DESTDIR)$(BINDIR)'
	install -m 755 $(O)/$(PROG) '$(DESTDIR)$(BINDIR)/$(PROG)'

uninstall:
	rm -f '$(DESTDIR)$(BINDIR)/$(PROG)'

# Programs never run anything on the host: refuse the calls that would.
lint:
	@! grep -nE '\b(system|popen|fork|vfork|posix_spawnp?|exec[lv]p?e?)[[:space:]]*\(' src/*.c src/*.h
	@! grep -nE '\b(gets|strcpy|strcat|sprintf|vsprintf|strtok|atoi|atol)[[:space:]]*\(' src/*.c src/*.h

clean:
	rm -rf build build-san build-vg

-include $(ALL_OBJS:.o=.d)
