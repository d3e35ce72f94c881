package dev.accord.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.accord.bench.AccountMapping.Account;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.database.JdbcBatchItemWriter;
import org.springframework.batch.item.database.JdbcCursorItemReader;
import org.springframework.batch.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * What a Java team would write instead of Accord: a Spring Batch chunk job, {@code JdbcCursorItemReader →
 * JdbcBatchItemWriter} with the same upsert as the raw baseline, a commit per chunk, and the job
 * repository in the same PostgreSQL database (so a failed job can restart where it stopped).
 */
final class SpringBatchJob implements Baseline {

    private final int chunkSize;

    SpringBatchJob(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    @Override
    public String name() {
        return "Spring Batch chunk job";
    }

    @Override
    public String table() {
        return BenchDatabases.BATCH_TARGET;
    }

    @Override
    public long run(BenchDatabases databases) throws Exception {
        try (HikariDataSource dataSource = dataSource(databases)) {
            new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql")).execute(dataSource);
            JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
            JobRepository repository = repository(dataSource, transactions);
            JobExecution execution = launcher(repository).run(job(repository, transactions, dataSource), new JobParameters());
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new BenchException("the Spring Batch job ended " + execution.getStatus() + ": " + execution.getAllFailureExceptions());
            }
            return execution.getStepExecutions().stream().mapToLong(StepExecution::getWriteCount).sum();
        }
    }

    private Job job(JobRepository repository, JdbcTransactionManager transactions, HikariDataSource dataSource) throws Exception {
        JdbcCursorItemReader<Account> reader = new JdbcCursorItemReaderBuilder<Account>().name("customers").dataSource(dataSource)
                .sql(AccountMapping.SELECT_SOURCE).fetchSize(chunkSize).rowMapper((row, n) -> AccountMapping.map(row)).build();
        // PostgreSQL streams a cursor only outside auto-commit; otherwise it would load every row first.
        reader.setConnectionAutoCommit(false);
        reader.afterPropertiesSet();
        JdbcBatchItemWriter<Account> writer = new JdbcBatchItemWriterBuilder<Account>().dataSource(dataSource)
                .sql(AccountMapping.upsert(table())).itemPreparedStatementSetter((account, statement) -> account.bind(statement))
                .assertUpdates(false).build();
        Step step = new StepBuilder("customers-to-accounts", repository).<Account, Account>chunk(chunkSize, transactions)
                .reader(reader).writer(writer).build();
        return new JobBuilder("bench-customers", repository).start(step).build();
    }

    private static HikariDataSource dataSource(BenchDatabases databases) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(databases.postgres.url());
        dataSource.setUsername(databases.postgres.user());
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    private static JobRepository repository(HikariDataSource dataSource, JdbcTransactionManager transactions) throws Exception {
        JobRepositoryFactoryBean factory = new JobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        factory.afterPropertiesSet();
        return factory.getObject();
    }

    private static TaskExecutorJobLauncher launcher(JobRepository repository) throws Exception {
        TaskExecutorJobLauncher launcher = new TaskExecutorJobLauncher();
        launcher.setJobRepository(repository);
        launcher.afterPropertiesSet();
        return launcher;
    }
}
