// Package stdlogsvc is a mailer that logs with the standard log package;
// one stray fmt.Println bypasses it.
package stdlogsvc

import (
	"fmt"
	"log"
	"net/smtp"
)

// Send sends a mail.
func Send(addr, from, to string, body []byte) error {
	log.Printf("sending mail to %s", to)
	if err := smtp.SendMail(addr, nil, from, []string{to}, body); err != nil {
		log.Printf("send to %s: %v", to, err)
		return fmt.Errorf("send mail: %w", err)
	}
	fmt.Println("mail sent to", to) // want `^package uses log for logging \(2 calls\); this fmt\.Println call uses fmt: use log \(logmix/mixed-libraries\)$`
	return nil
}
