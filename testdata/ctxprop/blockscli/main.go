// Command blockscli inspects the blocks of a bucket offline. It installs
// no tracer and imports no tracing package: every context it has starts in
// main, so a fresh root in its helpers loses no trace and is not reported.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os"
)

type Reader interface {
	Blocks(ctx context.Context, tenant string) ([]string, error)
	Meta(ctx context.Context, block string) (string, error)
}

var db *sql.DB

func queryBucket(ctx context.Context, r Reader, tenant string) ([]string, error) {
	blocks, err := r.Blocks(context.Background(), tenant)
	if err != nil {
		return nil, err
	}
	var metas []string
	for _, b := range blocks {
		m, err := r.Meta(context.Background(), b)
		if err != nil {
			return nil, err
		}
		metas = append(metas, m)
	}
	return metas, nil
}

func fetchIndex(ctx context.Context, url string) (*http.Response, error) {
	return http.Get(url)
}

func main() {
	var r Reader
	metas, err := queryBucket(context.Background(), r, os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(metas)
	_, _ = fetchIndex(context.Background(), os.Args[2])
	_ = db
}
