import type { Metadata } from "next";
import { TodoGroup } from "@/components/workflow/todo-group";
import { requireActor } from "@/lib/server/auth/session";
import { listTodo, todoCount } from "@/lib/server/workflow/todo";

export const metadata: Metadata = { title: "待办事项" };

export default async function TodoPage() {
  const actor = await requireActor("/workspace/todo");
  const todo = await listTodo(actor);
  return (
    <>
      <h1>待办事项</h1>
      <p className="muted">
        {todoCount(todo) === 0 ? "目前没有等待您处理的年报。" : `共 ${todoCount(todo)} 项等待您处理。`}
      </p>
      <TodoGroup
        id="todo-decide"
        title="待我审核、签发或报审"
        empty="没有等待您审批的年报。"
        items={todo.decide}
      />
      <TodoGroup id="todo-returned" title="退回给我修改" empty="没有退回给您的年报。" items={todo.returned} />
      <TodoGroup
        id="todo-publish"
        title="已批准、待我发布"
        empty="没有等待您发布的年报。"
        items={todo.publish}
      />
      <TodoGroup
        id="todo-review-after"
        title="强制发布后待补充审核"
        empty="没有需要补充审核的版本。"
        items={todo.reviewAfter}
      />
    </>
  );
}
